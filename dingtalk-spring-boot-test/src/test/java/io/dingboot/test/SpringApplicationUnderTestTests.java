package io.dingboot.test;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the fake reads of the application under test, from its environment.
 */
class SpringApplicationUnderTestTests {

	private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private final MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "8123")
		.withProperty("dingtalk.app-key", "dingappkey")
		.withProperty("dingtalk.corp-id", "dingcorp")
		.withProperty("dingtalk.callback.enabled", "true")
		.withProperty("dingtalk.callback.token", "tok")
		.withProperty("dingtalk.callback.aes-key", AES_KEY);

	private final SpringApplicationUnderTest application = new SpringApplicationUnderTest(this.environment);

	@Test
	void defaultsFollowDingBoots() {
		assertThat(this.application.baseUrl()).isEqualTo("http://127.0.0.1:8123");
		assertThat(this.application.loginProcessingUrl()).isEqualTo("/login/dingtalk");
		ApplicationUnderTest.CallbackTarget target = this.application.callbackTarget();
		assertThat(target.url()).isEqualTo("http://127.0.0.1:8123/dingtalk/callback");
		assertThat(target.token()).isEqualTo("tok");
		assertThat(target.aesKey()).isEqualTo(AES_KEY);
		assertThat(target.ownerKey()).isEqualTo("dingappkey");
		assertThat(target.corpId()).isEqualTo("dingcorp");
		assertThat(target.toString()).doesNotContain("tok", AES_KEY);
	}

	@Test
	void contextPathAndConfiguredPathsAreUsed() {
		this.environment.setProperty("server.servlet.context-path", "/app");
		this.environment.setProperty("dingtalk.login.processing-url", "/auth/dt");
		this.environment.setProperty("dingtalk.callback.path", "/hooks/dingtalk");
		assertThat(this.application.baseUrl()).isEqualTo("http://127.0.0.1:8123/app");
		assertThat(this.application.loginProcessingUrl()).isEqualTo("/auth/dt");
		assertThat(this.application.callbackTarget().url()).isEqualTo("http://127.0.0.1:8123/app/hooks/dingtalk");
	}

	@Test
	void firstConfiguredOwnerKeyWins() {
		this.environment.setProperty("dingtalk.callback.owner-key", "dingsuite,dingcorp");
		assertThat(this.application.callbackTarget().ownerKey()).isEqualTo("dingsuite");
	}

	@Test
	void withoutAppKeyTheCorpIdIsTheOwnerKey() {
		MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "8123")
			.withProperty("dingtalk.corp-id", "dingcorp")
			.withProperty("dingtalk.callback.enabled", "true")
			.withProperty("dingtalk.callback.token", "tok")
			.withProperty("dingtalk.callback.aes-key", AES_KEY);
		assertThat(new SpringApplicationUnderTest(environment).callbackTarget().ownerKey()).isEqualTo("dingcorp");
	}

	@Test
	void withoutARunningServerTheMessageSaysWhatToUse() {
		MockEnvironment environment = new MockEnvironment();
		assertThatIllegalStateException().isThrownBy(() -> new SpringApplicationUnderTest(environment).baseUrl())
			.withMessageContaining("webEnvironment = WebEnvironment.RANDOM_PORT");
	}

	@Test
	void withCallbacksDisabledTheMessageNamesTheProperty() {
		this.environment.setProperty("dingtalk.callback.enabled", "false");
		assertThatIllegalStateException().isThrownBy(this.application::callbackTarget)
			.withMessageContaining("dingtalk.callback.enabled=true");
	}

	@Test
	void withoutTokenTheMessageNamesTheProperty() {
		this.environment.setProperty("dingtalk.callback.token", "");
		assertThatIllegalStateException().isThrownBy(this.application::callbackTarget)
			.withMessageContaining("dingtalk.callback.token");
	}

}
