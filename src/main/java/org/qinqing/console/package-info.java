/**
 * The school's console: sign-in (Spring Security, sessions in Redis), staff accounts, the shared
 * layout, the audit log and the dashboard, whose tiles the feature modules contribute as
 * {@link org.qinqing.console.DashboardTile}s. Feature pages live in their own modules.
 */
package org.qinqing.console;
