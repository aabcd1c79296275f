package io.dingboot.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No {@code server.forward-headers-strategy}: {@code X-Forwarded-*} is anybody's to send and is not
 * trusted; the request's own {@code Host} decides the origin dd.config signs.
 */
@SpringBootTest(classes = DdConfigOriginTestSupport.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { DdConfigOriginTestSupport.LOGIN, DdConfigOriginTestSupport.JSAPI })
@DirtiesContext
class DdConfigOriginWithoutForwardHeadersStrategyTests extends DdConfigOriginTestSupport {

	@Test
	void forwardedHeadersAreIgnoredAndTheRequestsOwnHostDecides() throws Exception {
		RawHttp.Response forwarded = ddConfig(FORWARDED_PAGE, forwardedByProxy());
		assertThat(forwarded.status()).isEqualTo(400);
		assertThat(forwarded.body()).isEqualTo("{\"error\":\"origin_not_allowed\",\"message\":\"Pages of "
				+ "https://app.example.com may not be signed by this server\"}");
		RawHttp.Response own = ddConfig("http://127.0.0.1:" + this.port + "/index.html", Map.of());
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(own.body()).contains("\"signature\":\"");
	}

	@Test
	void aForgedHostHeaderIsSignedWhichIsWhyProductionSetsAllowedOrigins() throws Exception {
		RawHttp.Response forged = ddConfig("http://evil.example/", Map.of("Host", "evil.example"));
		assertThat(forged.status()).as(forged.body()).isEqualTo(200);
	}

}
