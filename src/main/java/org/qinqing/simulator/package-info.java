/**
 * Demo mode's chat simulator at {@code /simulator}: it posts real signed WeChat XML (plaintext or
 * safe mode) to the portal, the same path WeChat uses, and keeps an outbox for pushed messages.
 */
package org.qinqing.simulator;
