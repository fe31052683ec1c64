package org.qinqing.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BotScriptsConfiguration {

	@Bean
	BotScripts botScripts() {
		return BotScripts.loadFromClasspath();
	}

}
