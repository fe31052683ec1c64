/**
 * Shared plumbing every feature leans on: the Redis key scheme, the embedded redis-server of demo
 * mode and tests, the clock, and the bot-scripts loader that keeps user-facing wording out of Java.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.qinqing.system;
