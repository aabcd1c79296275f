package io.dingboot.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * {@code server.forward-headers-strategy=native}: Tomcat's {@code RemoteIpValve} takes scheme and
 * host from the {@code X-Forwarded-*} of a trusted proxy (here: loopback).
 */
@SpringBootTest(classes = DdConfigOriginTestSupport.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { DdConfigOriginTestSupport.LOGIN, DdConfigOriginTestSupport.JSAPI,
				"server.forward-headers-strategy=native" })
@DirtiesContext
class DdConfigOriginNativeForwardHeadersStrategyTests extends DdConfigOriginTestSupport {

	@Test
	void theForwardedSchemeAndHostDecideTheOrigin() throws Exception {
		assertTheForwardedSchemeAndHostDecideTheOrigin();
	}

}
