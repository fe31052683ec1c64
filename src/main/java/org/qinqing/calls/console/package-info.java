/**
 * Family video calls in the school's console: the day's calls with their outcomes, a station's week,
 * families that repeatedly did not call, children whose parents never had a call, the call settings
 * (admins), and the dashboard's calls tile. Children are seen only through
 * {@link org.qinqing.people.ChildAccess}.
 */
package org.qinqing.calls.console;
