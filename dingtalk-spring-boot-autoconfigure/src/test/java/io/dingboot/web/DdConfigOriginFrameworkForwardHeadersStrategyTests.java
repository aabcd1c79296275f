package io.dingboot.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * {@code server.forward-headers-strategy=framework}: Spring's {@code ForwardedHeaderFilter} takes scheme and host from {@code X-Forwarded-*}.
 */
@SpringBootTest(classes = DdConfigOriginTestSupport.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { DdConfigOriginTestSupport.LOGIN, DdConfigOriginTestSupport.JSAPI,
				"server.forward-headers-strategy=framework" })
@DirtiesContext
class DdConfigOriginFrameworkForwardHeadersStrategyTests extends DdConfigOriginTestSupport {

	@Test
	void theForwardedSchemeAndHostDecideTheOrigin() throws Exception {
		assertTheForwardedSchemeAndHostDecideTheOrigin();
	}

}
