/**
 * Demo mode's fictional school (6 classes, ~140 pupils, ~40 left-behind) and the personas the
 * simulator offers. Never loaded in the prod profile; never uses names or numbers from the seed plans.
 */
package org.qinqing.demo;
