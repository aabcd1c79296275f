package io.dingboot.test;

import java.net.URI;
import java.net.http.HttpResponse;

import io.dingboot.security.authentication.DingTalkUser;
import io.dingboot.security.oauth2.DingTalkBrowserLoginConfigurer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser login in a security chain of the application's own: {@code oauth2Login} with the
 * documented one-liner.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dingtalk.login.browser.enabled=true")
@AutoConfigureFakeDingTalk
class BrowserLoginInOwnChainTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeDingTalk fake;

	@Test
	void theOneLinerLogsTheUserInThroughTheAuthorizePage() throws Exception {
		CookieBrowser browser = new CookieBrowser();
		HttpResponse<String> start = browser.get(app("/oauth2/authorization/dingtalk"));
		assertThat(start.statusCode()).isEqualTo(302);
		URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
		assertThat(authorize.getRawQuery()).contains("scope=openid").contains("prompt=consent");
		HttpResponse<String> chosen = browser.get(authorize + "&userid=zhaoliu");
		String callback = chosen.headers().firstValue("Location").orElseThrow().replaceAll("&code=[^&]*", "");
		assertThat(callback).contains("authCode=").doesNotContain("&code=");
		HttpResponse<String> done = browser.get(callback);
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location")).hasValue(app("/home"));
		HttpResponse<String> me = browser.get(app("/who"), "application/json");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.shared().readTree(me.body()).path("userid").asString()).isEqualTo("zhaoliu");
	}

	private String app(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Import(Who.class)
	static class OwnChain {

		@Bean
		SecurityFilterChain ownChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			http.oauth2Login((oauth2) -> oauth2.defaultSuccessUrl("/home", true));
			http.with(DingTalkBrowserLoginConfigurer.dingTalkBrowserLogin(), Customizer.withDefaults());
			return http.build();
		}

	}

	@RestController
	static class Who {

		@GetMapping("/who")
		DingTalkUser who(@AuthenticationPrincipal DingTalkUser user) {
			return user;
		}

	}

}
