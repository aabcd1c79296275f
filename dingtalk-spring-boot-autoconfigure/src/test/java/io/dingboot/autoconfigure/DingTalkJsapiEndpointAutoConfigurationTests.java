package io.dingboot.autoconfigure;

import java.util.List;

import io.dingboot.jsapi.JsapiSigner;
import io.dingboot.jsapi.web.DdConfigHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;

import static io.dingboot.autoconfigure.StartupFailures.analyze;
import static org.assertj.core.api.Assertions.assertThat;

class DingTalkJsapiEndpointAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkJsapiAutoConfiguration.class,
				DingTalkJsapiEndpointAutoConfiguration.class))
		.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.corp-id=dingcorp",
				"dingtalk.agent-id=42");

	@Test
	void offByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(DdConfigHandler.class)
			.doesNotHaveBean(RouterFunction.class));
	}

	@Test
	void whenEnabledThenHandlerAndRouteExist() {
		this.runner.withPropertyValues("dingtalk.jsapi.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DdConfigHandler.class)
				.hasBean("dingTalkDdConfigRoute"));
	}

	@Test
	void configuredOriginsAreNormalised() {
		this.runner
			.withPropertyValues("dingtalk.jsapi.enabled=true",
					"dingtalk.jsapi.allowed-origins=https://App.example.com:443,http://127.0.0.1:8080")
			.run((context) -> assertThat(context.getBean(DdConfigHandler.class).toString())
				.contains("allowedOrigins=[https://app.example.com, http://127.0.0.1:8080]"));
	}

	@Test
	void userHandlerWins() {
		this.runner.withPropertyValues("dingtalk.jsapi.enabled=true").withUserConfiguration(UserHandler.class)
			.run((context) -> assertThat(context.getBean(DdConfigHandler.class)).isSameAs(context.getBean("myHandler")));
	}

	@Test
	void withoutWebMvcThenNothingIsConfigured() {
		this.runner.withPropertyValues("dingtalk.jsapi.enabled=true")
			.withClassLoader(new FilteredClassLoader(RouterFunction.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DdConfigHandler.class));
	}

	@Test
	void outsideAServletWebApplicationThenNothingIsConfigured() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkJsapiAutoConfiguration.class,
					DingTalkJsapiEndpointAutoConfiguration.class))
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.corp-id=dingcorp",
					"dingtalk.agent-id=42", "dingtalk.jsapi.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DdConfigHandler.class));
	}

	@Test
	void whenPathIsNotAPathThenFailsNamingIt() {
		this.runner.withPropertyValues("dingtalk.jsapi.enabled=true", "dingtalk.jsapi.path=config")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction())
				.contains("'dingtalk.jsapi.path'"));
	}

	@Test
	void whenAnAllowedOriginHasAPathThenFailsNamingIt() {
		for (String origin : List.of("https://a.com/", "https://a.com/page", "a.com", "ftp://a.com", "https://a.com:0",
				"https://user@a.com")) {
			this.runner.withPropertyValues("dingtalk.jsapi.enabled=true", "dingtalk.jsapi.allowed-origins=" + origin)
				.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction())
					.contains("'dingtalk.jsapi.allowed-origins'"));
		}
	}

	@Test
	void whenEnabledWithoutCredentialsThenFailsNamingAppKey() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkJsapiAutoConfiguration.class,
					DingTalkJsapiEndpointAutoConfiguration.class))
			.withPropertyValues("dingtalk.jsapi.enabled=true", "dingtalk.corp-id=dingcorp", "dingtalk.agent-id=42")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction()).contains("'dingtalk.app-key'"));
	}

	@Test
	void whenEnabledWithoutAgentIdThenFailsNamingIt() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkJsapiAutoConfiguration.class,
					DingTalkJsapiEndpointAutoConfiguration.class))
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.corp-id=dingcorp",
					"dingtalk.jsapi.enabled=true")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction()).contains("'dingtalk.agent-id'"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserHandler {

		@Bean
		DdConfigHandler myHandler(JsapiSigner signer) {
			return new DdConfigHandler(signer, List.of());
		}

	}

}
