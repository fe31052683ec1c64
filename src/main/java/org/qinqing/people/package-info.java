/**
 * Who is who: schools, classes, children, families, teachers and the WeChat users bound to them.
 * Other modules ask {@link org.qinqing.people.Directory} for an {@link org.qinqing.people.Identity}
 * and never read people's records directly.
 */
package org.qinqing.people;
