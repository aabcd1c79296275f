package io.dingboot.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dingboot.security.authentication.DingTalkAuthenticationToken;
import io.dingboot.security.authentication.DingTalkUserMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dingtalk.login.enabled=true")
@AutoConfigureFakeDingTalk
class LoginOverHttpExampleTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeDingTalk fake;

	RestClient client;

	@BeforeEach
	void setUp() {
		this.fake.resetJournal();
		this.client = RestClient.create("http://127.0.0.1:" + this.port);
	}

	@Test
	void loginExchangesARealCodeAndTheSessionOpensProtectedEndpoints() {
		DingTalkSession session = this.fake.login("zhangsan");
		assertThat(session.status()).isEqualTo(200);
		assertThat(session.cookie("JSESSIONID")).isNotEmpty();
		assertThat(session.csrfToken()).isNotEmpty();
		assertThat(this.fake.callCount("/topapi/v2/user/getuserinfo")).isEqualTo(1); // the real code exchange
		assertThat(this.fake.callCount("/topapi/v2/user/get")).isEqualTo(1);

		String me = this.client.get().uri("/api/me").headers(session::applyTo).retrieve().body(String.class);
		assertThat(JsonMapper.shared().readTree(me).path("name").asString()).isEqualTo("张三");

		Map<?, ?> note = this.client.post()
			.uri("/api/notes")
			.headers(session::applyTo) // the session cookie and X-XSRF-TOKEN
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("text", "周报已提交"))
			.retrieve()
			.body(Map.class);
		assertThat(note).isEqualTo(Map.of("by", "张三", "text", "周报已提交"));
		assertThat(this.fake.callCount("/topapi/v2/user/getuserinfo")).isEqualTo(1); // the session, not a new login
	}

	@Test
	void interceptorAppliesTheSessionToEveryRequest() {
		DingTalkSession session = this.fake.login("admin01");
		RestClient asAdmin = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.requestInterceptor(session.interceptor())
			.build();
		JsonNode me = JsonMapper.shared().readTree(asAdmin.get().uri("/api/me").retrieve().body(String.class));
		assertThat(me.path("authorities").toString()).isEqualTo("[\"ROLE_DINGTALK_USER\",\"ROLE_DINGTALK_ADMIN\"]");
	}

	@Test
	void withoutTheSessionTheEndpointAnswers401() {
		int status = this.client.get()
			.uri("/api/me")
			.accept(MediaType.APPLICATION_JSON)
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(status).isEqualTo(401);
	}

	@Test
	void userTheApplicationRefusesGets401() {
		DingTalkSession refused = DingTalkLogin.to("http://127.0.0.1:" + this.port).attempt(this.fake, "sunqi");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.isLoggedIn()).isFalse();
		assertThat(JsonMapper.shared().readTree(refused.body()).path("error").asString()).isEqualTo("login_refused");
		assertThatIllegalStateException().isThrownBy(() -> this.fake.login("sunqi"))
			.withMessageContaining("answered 401");
	}

	@Test
	void withDingTalkUserGivesWhatARealLoginGives(@Autowired ApplicationContext context)
			throws Exception {
		DingTalkSession session = this.fake.login("wangwu");
		JsonNode overHttp = JsonMapper.shared()
			.readTree(this.client.get().uri("/api/me").headers(session::applyTo).retrieve().body(String.class));
		WithDingTalkUserSecurityContextFactory factory = context.getAutowireCapableBeanFactory()
			.createBean(WithDingTalkUserSecurityContextFactory.class);
		WithDingTalkUser annotation = getClass().getDeclaredMethod("annotated")
			.getAnnotation(WithDingTalkUser.class);
		DingTalkAuthenticationToken token = (DingTalkAuthenticationToken) factory.createSecurityContext(annotation)
			.getAuthentication();
		JsonNode fromAnnotation = JsonMapper.shared().valueToTree(new ProfileController().me(token));
		assertThat(fromAnnotation.toString()).isEqualTo(overHttp.toString());
		assertThat(overHttp.path("authorities").toString()).isEqualTo("[\"ROLE_DINGTALK_USER\",\"LEADER\"]");
	}

	@WithDingTalkUser("wangwu")
	void annotated() {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Accounts {

		/**
		 * The application's own mapper: leaders get {@code LEADER}, sunqi may not log in.
		 */
		@Bean
		DingTalkUserMapper dingTalkUserMapper() {
			return (user) -> {
				if (user.getUserid().equals("sunqi")) {
					throw new DisabledException("sunqi has no account");
				}
				List<GrantedAuthority> authorities = new ArrayList<>(DingTalkUserMapper.defaultAuthorities(user));
				if (user.isLeader()) {
					authorities.add(new SimpleGrantedAuthority("LEADER"));
				}
				return DingTalkAuthenticationToken.authenticated(user, authorities);
			};
		}

	}

}
