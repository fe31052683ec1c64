package org.qinqing.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Creates the configured first admin once; an existing account (and its changed password) is kept. */
@Component
class FirstAdmin implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final ConsoleProperties properties;

	private final StaffAccounts accounts;

	private final org.springframework.core.env.Environment environment;

	FirstAdmin(ConsoleProperties properties, StaffAccounts accounts, org.springframework.core.env.Environment environment) {
		this.properties = properties;
		this.accounts = accounts;
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		ConsoleProperties.Admin admin = this.properties.admin();
		if (admin == null || !StringUtils.hasText(admin.username()) || !StringUtils.hasText(admin.password())) {
			log.warn("No first admin configured (QINQING_ADMIN_USERNAME, QINQING_ADMIN_PASSWORD): nobody can sign in");
			return;
		}
		// like a WeChat account's tenant, an empty tenant means the app id
		String tenant = StringUtils.hasText(admin.tenant()) ? admin.tenant() : this.environment.getProperty("wechat.app-id");
		// create it, or move it to this tenant if the name was left pointing at another one
		boolean here = this.accounts.find(admin.username()).map(u -> u.tenant().equals(tenant)).orElse(false);
		if (!here) {
			this.accounts.save(new StaffUser(admin.username(), tenant, StaffRole.ADMIN, "",
					StringUtils.hasText(admin.displayName()) ? admin.displayName() : admin.username()), admin.password());
			log.info("Created the first admin account for tenant {}", tenant);
		}
	}

}
