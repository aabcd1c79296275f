package io.dingboot.web;

import io.dingboot.security.DingTalkStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code server.forward-headers-strategy=native}: Tomcat's {@code RemoteIpValve} takes scheme and
 * host from the {@code X-Forwarded-*} of a trusted proxy (here: loopback).
 */
@SpringBootTest(classes = DdConfigOriginTestSupport.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { DdConfigOriginTestSupport.LOGIN, DdConfigOriginTestSupport.JSAPI,
				"server.forward-headers-strategy=native" })
@DirtiesContext
class DdConfigOriginNativeForwardHeadersStrategyTests extends DdConfigOriginTestSupport {

	@RegisterExtension
	static final DingTalkStub dingTalk = new DingTalkStub();

	@DynamicPropertySource
	static void dingTalkProperties(DynamicPropertyRegistry registry) {
		register(dingTalk, registry);
	}

	@Test
	void theForwardedSchemeAndHostDecideTheOrigin() throws Exception {
		RawHttp.Response forwarded = ddConfig(FORWARDED_PAGE, forwardedByProxy());
		assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(200);
		assertThat(forwarded.body()).contains("\"signature\":\"");
		RawHttp.Response direct = ddConfig("http://127.0.0.1:" + this.port + "/", forwardedByProxy());
		assertThat(direct.status()).isEqualTo(400);
		assertThat(direct.body()).contains("\"error\":\"origin_not_allowed\"");
	}

}
