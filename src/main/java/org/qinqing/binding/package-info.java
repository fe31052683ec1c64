/**
 * The way in for every parent, guardian and teacher: binding a WeChat user to the school's records
 * by a one-time code (typed, or scanned as a parametric QR code), unbinding, and 我的信息.
 */
package org.qinqing.binding;
