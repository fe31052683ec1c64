package org.qinqing.system;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The prod profile never falls back to an embedded Redis: it needs a real, persistent one. */
@Component
@Profile("prod")
class ProdGuard implements InitializingBean {

	private final Environment environment;

	ProdGuard(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		if (!StringUtils.hasText(this.environment.getProperty("REDIS_URL"))) {
			throw new IllegalStateException("The prod profile requires REDIS_URL (for example redis://redis:6379)");
		}
	}

}
