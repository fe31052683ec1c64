package org.qinqing.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin account, from {@code QINQING_ADMIN_USERNAME} / {@code QINQING_ADMIN_PASSWORD};
 * created at start when it does not exist yet. Admins then create teacher accounts in the console.
 */
@ConfigurationProperties("qinqing.console")
public record ConsoleProperties(Admin admin) {

	public record Admin(String username, String password, String tenant, String displayName) {

		@Override
		public String toString() {
			return "Admin[username=" + this.username + ", tenant=" + this.tenant + "]";
		}

	}

}
