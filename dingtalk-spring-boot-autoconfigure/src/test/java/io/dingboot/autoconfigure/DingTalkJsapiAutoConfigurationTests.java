package io.dingboot.autoconfigure;

import io.dingboot.http.DingTalkClient;
import io.dingboot.jsapi.JsapiSigner;
import io.dingboot.jsapi.JsapiTicketProvider;
import io.dingboot.jsapi.SignatureAlgorithm;
import io.dingboot.token.TokenCache;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.dingboot.autoconfigure.StartupFailures.analyze;
import static org.assertj.core.api.Assertions.assertThat;

class DingTalkJsapiAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkJsapiAutoConfiguration.class));

	@Test
	void withoutCredentialsThenNoJsapiBeans() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(JsapiTicketProvider.class).doesNotHaveBean(JsapiSigner.class);
		});
	}

	@Test
	void withAppCredentialsThenTicketProviderIsKeyedByAppKeyAndSignerUsesSha1() {
		this.runner.withPropertyValues("dingtalk.app-key=key1", "dingtalk.app-secret=s", "dingtalk.corp-id=dingcorp",
				"dingtalk.agent-id=42")
			.run((context) -> {
				assertThat(context).hasSingleBean(JsapiTicketProvider.class).hasSingleBean(JsapiSigner.class);
				assertThat(context.getBean(JsapiTicketProvider.class).getKey()).isEqualTo("jsapi_ticket:key1");
				assertThat(context.getBean(JsapiSigner.class).getAlgorithm()).isEqualTo(SignatureAlgorithm.SHA1);
			});
	}

	@Test
	void jsapiBeansAreCreatedOnlyWhenFirstAskedFor() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s").run((context) -> {
			assertThat(context.getBeanFactory().containsSingleton("dingTalkJsapiTicketProvider")).isFalse();
			assertThat(context.getBeanFactory().containsSingleton("dingTalkJsapiSigner")).isFalse();
			context.getBean(JsapiSigner.class);
			assertThat(context.getBeanFactory().containsSingleton("dingTalkJsapiTicketProvider")).isTrue();
		});
	}

	@Test
	void withCorpCredentialsThenTicketProviderIsKeyedByCorpId() {
		this.runner.withPropertyValues("dingtalk.corp-id=dingcorp", "dingtalk.corp-secret=s")
			.run((context) -> assertThat(context.getBean(JsapiTicketProvider.class).getKey())
				.isEqualTo("jsapi_ticket:dingcorp"));
	}

	@Test
	void signatureAlgorithmPropertySelectsSha256() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s",
				"dingtalk.jsapi.signature-algorithm=sha256")
			.run((context) -> assertThat(context.getBean(JsapiSigner.class).getAlgorithm())
				.isEqualTo(SignatureAlgorithm.SHA256));
	}

	@Test
	void withoutCorpIdWhileJsapiEnabledThenFailsNamingTheProperty() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.agent-id=1",
				"dingtalk.jsapi.enabled=true")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction())
				.contains("'dingtalk.corp-id'"));
	}

	@Test
	void withoutAgentIdWhileJsapiEnabledThenFailsNamingTheProperty() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.corp-id=dingcorp",
				"dingtalk.jsapi.enabled=true")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction())
				.contains("'dingtalk.agent-id'"));
	}

	@Test
	void withoutCorpIdWhileJsapiDisabledThenSignerExistsAndFailsOnUse() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(JsapiSigner.class);
			assertThat(org.assertj.core.api.Assertions.catchThrowable(
					() -> context.getBean(JsapiSigner.class).sign("https://a.com/")))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("dingtalk.corp-id");
		});
	}

	@Test
	void userBeansWin() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s")
			.withUserConfiguration(UserBeans.class)
			.run((context) -> {
				assertThat(context.getBean(JsapiTicketProvider.class)).isSameAs(context.getBean("myTickets"));
				assertThat(context.getBean(JsapiSigner.class)).isSameAs(context.getBean("mySigner"));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		JsapiTicketProvider myTickets(DingTalkClient client, TokenCache cache) {
			return new JsapiTicketProvider(client, cache, "mine");
		}

		@Bean
		JsapiSigner mySigner(JsapiTicketProvider myTickets) {
			return new JsapiSigner(myTickets, "dingmine", 7L, SignatureAlgorithm.SHA256);
		}

	}

}
