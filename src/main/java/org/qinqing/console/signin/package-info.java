/**
 * Guarding the console's sign-in: wrong passwords lock one account for one client address, many
 * wrong passwords from everywhere slow an account down, and admins see the failures (addresses
 * masked). Everything is in Redis under {@code qq:{console}:signin-*}, keyed by a hash of the address.
 */
package org.qinqing.console.signin;
