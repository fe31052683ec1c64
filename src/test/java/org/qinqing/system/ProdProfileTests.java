package org.qinqing.system;

import org.junit.jupiter.api.Test;
import org.qinqing.QinqingApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile never falls back to an embedded Redis or demo settings. */
class ProdProfileTests {

	@Test
	void prodRefusesToStartWithoutRedisUrl() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(QinqingApplication.class).profiles("prod")
			.run("--server.port=0", "--REDIS_URL=", "--WECHAT_APP_ID=wxprodtest", "--WECHAT_TOKEN=t",
					"--WECHAT_SECRET=s")
			.close()).hasStackTraceContaining("REDIS_URL");
	}

}
