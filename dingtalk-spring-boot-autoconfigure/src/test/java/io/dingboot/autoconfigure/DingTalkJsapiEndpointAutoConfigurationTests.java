package io.dingboot.autoconfigure;

import java.util.List;

import io.dingboot.jsapi.JsapiSigner;
import io.dingboot.jsapi.web.DdConfigHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;

import static io.dingboot.autoconfigure.StartupFailures.analyze;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DingTalkJsapiEndpointAutoConfigurationTests {

	private static final String ORIGINS_WARNING = "dingtalk.jsapi.allowed-origins is empty";

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
	void withTheAppsRegistryThenNeitherSignerNorTicketIsBuiltAtStartup() {
		this.runner.withConfiguration(AutoConfigurations.of(DingTalkAppsAutoConfiguration.class))
			.withPropertyValues("dingtalk.jsapi.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(DdConfigHandler.class);
				assertThat(context.getBeanFactory().containsSingleton("dingTalkJsapiSigner")).isFalse();
				assertThat(context.getBeanFactory().containsSingleton("dingTalkJsapiTicketProvider")).isFalse();
			});
	}

	@Test
	void withoutAllowedOriginsAgainstRealDingTalkThenOneWarningAtStartup(CapturedOutput output) {
		this.runner.withPropertyValues("dingtalk.jsapi.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output.getAll().lines().filter((line) -> line.contains(ORIGINS_WARNING)))
				.singleElement()
				.satisfies((line) -> assertThat(line).contains(" WARN ")
					.contains("set dingtalk.jsapi.allowed-origins to the origins of your pages"));
		});
	}

	@Test
	void withAllowedOriginsThenNoWarning(CapturedOutput output) {
		this.runner.withPropertyValues("dingtalk.jsapi.enabled=true", "dingtalk.jsapi.allowed-origins=https://a.example")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain(ORIGINS_WARNING);
	}

	@Test
	void onADingTalkOnThisMachineSuchAsTheFakeThenNoWarning(CapturedOutput output) {
		for (String baseUrl : List.of("http://127.0.0.1:8089", "http://localhost:1234/", "http://[::1]:80")) {
			this.runner.withPropertyValues("dingtalk.jsapi.enabled=true", "dingtalk.base-url=" + baseUrl)
				.run((context) -> assertThat(context).hasNotFailed());
		}
		assertThat(output).doesNotContain(ORIGINS_WARNING);
		assertThat(DingTalkJsapiEndpointAutoConfiguration.isLoopback("https://oapi.dingtalk.com")).isFalse();
		assertThat(DingTalkJsapiEndpointAutoConfiguration.isLoopback("http://127.example.com")).isFalse();
		assertThat(DingTalkJsapiEndpointAutoConfiguration.isLoopback("http://localhost.evil.com")).isFalse();
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

	private final WebApplicationContextRunner appsRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkAppsAutoConfiguration.class,
				DingTalkJsapiAutoConfiguration.class, DingTalkJsapiEndpointAutoConfiguration.class))
		.withPropertyValues("dingtalk.apps.hr.app-key=hrk", "dingtalk.apps.hr.app-secret=hrs");

	@Test
	void whenEnabledThenANamedAppWithoutAgentIdFailsNamingItsProperty() {
		this.appsRunner.withPropertyValues("dingtalk.jsapi.enabled=true", "dingtalk.apps.hr.corp-id=dinghrcorp")
			.run((context) -> {
				InvalidDingTalkPropertyException failure = analyzedCause(context.getStartupFailure());
				assertThat(failure.getProperty()).isEqualTo("dingtalk.apps.hr.agent-id");
				assertThat(analyze(context.getStartupFailure()).getDescription())
					.contains("dingtalk.apps.hr.agent-id").contains("dingtalk.jsapi.enabled is true");
			});
	}

	@Test
	void whenEnabledThenANamedAppWithoutCorpIdFailsNamingItsProperty() {
		this.appsRunner.withPropertyValues("dingtalk.jsapi.enabled=true", "dingtalk.apps.hr.agent-id=7")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction())
				.contains("'dingtalk.apps.hr.corp-id'"));
	}

	@Test
	void anAppLeftOutOfDdConfigNeedsNoCorpOrAgent() {
		this.appsRunner
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.corp-id=dingcorp",
					"dingtalk.agent-id=42", "dingtalk.jsapi.enabled=true", "dingtalk.apps.hr.jsapi.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(DdConfigHandler.class));
	}

	@Test
	void whenOnlyANamedAppSwitchesDdConfigOnThenTheEndpointOpensAndOnlyThatAppIsChecked() {
		this.appsRunner
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.apps.hr.jsapi.enabled=true",
					"dingtalk.apps.hr.corp-id=dinghrcorp", "dingtalk.apps.hr.agent-id=7")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DdConfigHandler.class)
				.hasBean("dingTalkDdConfigRoute"));
		this.appsRunner.withPropertyValues("dingtalk.apps.hr.jsapi.enabled=true", "dingtalk.apps.hr.corp-id=dinghrcorp")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("dingtalk.apps.hr.agent-id")
				.contains("dingtalk.apps.hr.jsapi.enabled is true"));
	}

	@Test
	void withNamedAppsOnlyThenTheEndpointStartsWithoutTheDefaultApp() {
		this.appsRunner
			.withPropertyValues("dingtalk.jsapi.enabled=true", "dingtalk.apps.hr.corp-id=dinghrcorp",
					"dingtalk.apps.hr.agent-id=7")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(DdConfigHandler.class));
	}

	private static InvalidDingTalkPropertyException analyzedCause(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidDingTalkPropertyException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("an InvalidDingTalkPropertyException in " + failure).isNotNull();
		return (InvalidDingTalkPropertyException) cause;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserHandler {

		@Bean
		DdConfigHandler myHandler(JsapiSigner signer) {
			return new DdConfigHandler(signer, List.of());
		}

	}

}
