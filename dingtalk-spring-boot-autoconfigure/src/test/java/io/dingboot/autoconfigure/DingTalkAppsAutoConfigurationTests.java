package io.dingboot.autoconfigure;

import io.dingboot.ApiWireMock;
import io.dingboot.apps.DingTalkApp;
import io.dingboot.apps.DingTalkAppSettings;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.department.DepartmentApi;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.jsapi.JsapiSigner;
import io.dingboot.jsapi.JsapiTicketProvider;
import io.dingboot.media.MediaApi;
import io.dingboot.message.WorkNotificationApi;
import io.dingboot.token.AccessTokenProvider;
import io.dingboot.token.TokenCache;
import io.dingboot.token.TokenStore;
import io.dingboot.user.UserApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DingTalkAppsAutoConfigurationTests {

	@RegisterExtension
	static final ApiWireMock dingTalk = new ApiWireMock();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkAppsAutoConfiguration.class,
				DingTalkApiAutoConfiguration.class,
				DingTalkJsapiAutoConfiguration.class))
		.withPropertyValues("dingtalk.base-url=" + dingTalk.baseUrl());

	private final ApplicationContextRunner namedApps = this.runner.withPropertyValues("dingtalk.apps.hr.app-key=hr-key",
			"dingtalk.apps.hr.app-secret=hr-secret", "dingtalk.apps.hr.agent-id=1001",
			"dingtalk.apps.hr.corp-id=dinghr", "dingtalk.apps.oa.app-key=oa-key", "dingtalk.apps.oa.app-secret=oa-secret",
			"dingtalk.apps.oa.robot-code=oa-robot");

	@BeforeEach
	void reset() {
		dingTalk.server().resetAll();
		stubToken("hr-key", "hr-token");
		stubToken("oa-key", "oa-token");
		stubToken("top-key", "top-token");
		stubToken("crm-key", "crm-token");
		dingTalk.server()
			.stubFor(get(urlPathEqualTo("/ping")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
	}

	@Test
	void topLevelCredentialsOnlyThenTheDefaultAppIsTheSingleAppBeans() {
		this.runner.withPropertyValues("dingtalk.app-key=top-key", "dingtalk.app-secret=top-secret",
				"dingtalk.agent-id=7", "dingtalk.corp-id=dingtop")
			.run((context) -> {
				assertThat(context).hasSingleBean(DingTalkClient.class)
					.hasSingleBean(AccessTokenProvider.class)
					.hasSingleBean(UserApi.class)
					.hasSingleBean(DepartmentApi.class)
					.hasSingleBean(WorkNotificationApi.class)
					.hasSingleBean(MediaApi.class)
					.hasSingleBean(JsapiTicketProvider.class)
					.hasSingleBean(JsapiSigner.class)
					.hasSingleBean(DingTalkApps.class);
				DingTalkApps apps = context.getBean(DingTalkApps.class);
				assertThat(apps.names()).containsExactly("default");
				DingTalkApp app = apps.get(DingTalkApps.DEFAULT);
				assertThat(app.client()).isSameAs(context.getBean(DingTalkClient.class));
				assertThat(app.users()).isSameAs(context.getBean(UserApi.class));
				assertThat(app.departments()).isSameAs(context.getBean(DepartmentApi.class));
				assertThat(app.workNotifications()).isSameAs(context.getBean(WorkNotificationApi.class));
				assertThat(app.media()).isSameAs(context.getBean(MediaApi.class));
				assertThat(app.jsapiSigner()).isSameAs(context.getBean(JsapiSigner.class));
				assertThat(app.appKey()).isEqualTo("top-key");
				assertThat(app.agentId()).isEqualTo(7L);
				assertThat(app.corpId()).isEqualTo("dingtop");
				ping(app);
				dingTalk.server()
					.verify(exactly(1), getRequestedFor(urlPathEqualTo("/ping")).withQueryParam("access_token",
							equalTo("top-token")));
			});
	}

	@Test
	void namedAppsOnlyThenNoSingleAppBeansAndTheRegistryHasThem() {
		this.namedApps.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(DingTalkClient.class)
				.doesNotHaveBean(AccessTokenProvider.class)
				.doesNotHaveBean(UserApi.class)
				.doesNotHaveBean(WorkNotificationApi.class)
				.doesNotHaveBean(JsapiSigner.class)
				.hasSingleBean(TokenCache.class)
				.hasSingleBean(TokenStore.class)
				.hasSingleBean(DingTalkTransport.class);
			DingTalkApps apps = context.getBean(DingTalkApps.class);
			assertThat(apps.names()).containsExactly("hr", "oa");
			assertThat(apps.contains(DingTalkApps.DEFAULT)).isFalse();
			DingTalkApp hr = apps.get("hr");
			assertThat(hr.agentId()).isEqualTo(1001L);
			assertThat(hr.corpId()).isEqualTo("dinghr");
			assertThat(apps.get("oa").robotCode()).isEqualTo("oa-robot");
			ping(hr);
			ping(apps.get("oa"));
			ping(hr);
			dingTalk.server().verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey",
					equalTo("hr-key")));
			dingTalk.server().verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey",
					equalTo("oa-key")));
			dingTalk.server().verify(exactly(2), getRequestedFor(urlPathEqualTo("/ping")).withQueryParam("access_token",
					equalTo("hr-token")));
			dingTalk.server().verify(exactly(1), getRequestedFor(urlPathEqualTo("/ping")).withQueryParam("access_token",
					equalTo("oa-token")));
			// one token cache for every app, keyed by app key
			assertThat(context.getBean(TokenCache.class).peek("access_token:hr-key")).isNotNull();
		});
	}

	@Test
	void topLevelAndNamedAppsThenDefaultFirstEachWithItsOwnToken() {
		this.namedApps.withPropertyValues("dingtalk.app-key=top-key", "dingtalk.app-secret=top-secret")
			.run((context) -> {
				assertThat(context).hasSingleBean(UserApi.class).hasSingleBean(DingTalkClient.class);
				DingTalkApps apps = context.getBean(DingTalkApps.class);
				assertThat(apps.names()).containsExactly("default", "hr", "oa");
				context.getBean(DingTalkClient.class).execute(DingTalkRequest.get("/ping").build());
				ping(apps.get("hr"));
				dingTalk.server().verify(exactly(1), getRequestedFor(urlPathEqualTo("/ping"))
					.withQueryParam("access_token", equalTo("top-token")));
				dingTalk.server().verify(exactly(1), getRequestedFor(urlPathEqualTo("/ping"))
					.withQueryParam("access_token", equalTo("hr-token")));
			});
	}

	@Test
	void withoutAnyAppThenTheRegistryIsEmptyAndAppsCanBeRegisteredAtRuntime() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(DingTalkApps.class)
				.doesNotHaveBean(TokenCache.class)
				.doesNotHaveBean(DingTalkTransport.class)
				.doesNotHaveBean(DingTalkClient.class);
			DingTalkApps apps = context.getBean(DingTalkApps.class);
			assertThat(apps.names()).isEmpty();
			assertThat(dingTalk.server().getAllServeEvents()).isEmpty();
			DingTalkApp crm = apps.register("crm", DingTalkAppSettings.of("crm-key", "crm-secret"));
			ping(crm);
			ping(apps.get("crm"));
			dingTalk.server().verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken"))
				.withQueryParam("appkey", equalTo("crm-key")));
			dingTalk.server().verify(exactly(2), getRequestedFor(urlPathEqualTo("/ping"))
				.withQueryParam("access_token", equalTo("crm-token")));
		});
	}

	@Test
	void withoutAnyAppAndTheRedisStoreAnAppRegisteredAtRuntimeFailsClearlyOnFirstUse() {
		this.runner.withPropertyValues("dingtalk.token.store=redis").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(TokenStore.class);
			DingTalkApp crm = context.getBean(DingTalkApps.class)
				.register("crm", DingTalkAppSettings.of("crm-key", "crm-secret"));
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(crm::client)
				.withMessageContaining("dingtalk.token.store is 'redis' but no app was defined at start-up");
			assertThat(dingTalk.server().getAllServeEvents()).isEmpty();
		});
	}

	@Test
	void runtimeRegistrationRunsTheStartupChecksNamingTheKey() {
		this.namedApps.run((context) -> {
			DingTalkApps apps = context.getBean(DingTalkApps.class);
			assertThatExceptionOfType(InvalidDingTalkPropertyException.class)
				.isThrownBy(() -> apps.register("crm", DingTalkAppSettings.of("crm-key", null)))
				.withMessage("dingtalk.apps.crm.app-secret: is not set but dingtalk.apps.crm.app-key is")
				.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("dingtalk.apps.crm.app-secret"));
			assertThatExceptionOfType(InvalidDingTalkPropertyException.class)
				.isThrownBy(() -> apps.register("crm", DingTalkAppSettings.of(null, "crm-secret")))
				.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("dingtalk.apps.crm.app-key"))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("crm-secret"));
			assertThatExceptionOfType(InvalidDingTalkPropertyException.class)
				.isThrownBy(() -> apps.register("crm", new DingTalkAppSettings(null, null, "dingcrm", null, null, null)))
				.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("dingtalk.apps.crm.app-key"));
			assertThat(apps.names()).containsExactly("hr", "oa");
			assertThat(dingTalk.server().getAllServeEvents()).isEmpty();
		});
	}

	@Test
	void namedAppWithoutItsSecretFailsNamingIt() {
		assertFailure(this.runner.withPropertyValues("dingtalk.apps.hr.app-key=hr-key"), "dingtalk.apps.hr.app-secret");
	}

	@Test
	void namedAppWithoutItsSecretFailsNamingItWhateverTheApplicationInjects() {
		assertFailure(this.runner.withPropertyValues("dingtalk.apps.hr.app-key=hr-key")
			.withUserConfiguration(InjectsUserApi.class), "dingtalk.apps.hr.app-secret");
	}

	@Test
	void namedAppWithoutCredentialsFailsNamingItsAppKey() {
		assertFailure(this.runner.withPropertyValues("dingtalk.apps.hr.agent-id=1001"), "dingtalk.apps.hr.app-key");
	}

	@Test
	void namedAppWithCorpSecretWithoutCorpIdFailsNamingCorpId() {
		assertFailure(this.runner.withPropertyValues("dingtalk.apps.hr.corp-secret=x"), "dingtalk.apps.hr.corp-id");
	}

	@Test
	void namedAppWithNonPositiveAgentIdFailsNamingIt() {
		assertFailure(this.namedApps.withPropertyValues("dingtalk.apps.oa.agent-id=0"), "dingtalk.apps.oa.agent-id");
	}

	@Test
	void appNamedDefaultFailsAsReserved() {
		assertFailure(this.runner.withPropertyValues("dingtalk.apps.default.app-key=k",
				"dingtalk.apps.default.app-secret=s"), "dingtalk.apps.default");
	}

	@Test
	void appNameWithOtherCharactersFails() {
		assertFailure(this.runner.withPropertyValues("dingtalk.apps.hr_app.app-key=k",
				"dingtalk.apps.hr_app.app-secret=s"), "dingtalk.apps.hr_app");
	}

	@Test
	void namedAppsWithRedisStoreButNoConnectionFactoryFailNamingTheStore() {
		assertFailure(this.namedApps.withPropertyValues("dingtalk.token.store=redis")
			.withConfiguration(AutoConfigurations.of(DingTalkRedisAutoConfiguration.class)), "dingtalk.token.store");
	}

	@Test
	void namedAppsWithoutRedisOnTheClasspathStillStart() {
		this.namedApps.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(DingTalkApps.class));
	}

	@Test
	void userRegistryWins() {
		this.namedApps.withUserConfiguration(OwnRegistry.class)
			.run((context) -> assertThat(context.getBean(DingTalkApps.class)).isSameAs(OwnRegistry.APPS));
	}

	@Test
	void missingSingleAppBeanWithNamedAppsOnlyPointsToTheRegistry() {
		this.namedApps.withUserConfiguration(InjectsUserApi.class).run((context) -> {
			assertThat(context).hasFailed();
			MockEnvironment environment = new MockEnvironment().withProperty("dingtalk.apps.hr.app-key", "hr-key")
				.withProperty("dingtalk.apps.hr.app-secret", "hr-secret");
			FailureAnalysis analysis = new MissingDingTalkCredentialsFailureAnalyzer(environment)
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("io.dingboot.user.UserApi")
				.contains("only for the app 'default'")
				.contains("dingtalk.apps.<name>.*");
			assertThat(analysis.getAction()).contains("DingTalkApps").contains("apps.get(\"<name>\")");
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("hr-secret");
		});
	}

	@Test
	void propertiesToStringMasksTheSecretsOfNamedApps() {
		this.namedApps.run((context) -> assertThat(context.getBean(DingTalkProperties.class).toString())
			.contains("hr-key")
			.doesNotContain("hr-secret")
			.doesNotContain("oa-secret"));
	}

	@Test
	void missingBeanAnalyzerWithoutAnyAppMentionsNamedApps() {
		FailureAnalysis analysis = new MissingDingTalkCredentialsFailureAnalyzer(new MockEnvironment())
			.analyze(new NoSuchBeanDefinitionException(UserApi.class));
		assertThat(analysis.getDescription()).contains("no credentials are set");
		assertThat(analysis.getAction()).startsWith("Set dingtalk.app-key and dingtalk.app-secret")
			.contains("dingtalk.apps.<name>.*");
	}

	private static void ping(DingTalkApp app) {
		app.client().execute(DingTalkRequest.get("/ping").build());
	}

	private static void stubToken(String appKey, String token) {
		dingTalk.server()
			.stubFor(get(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo(appKey))
				.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token
						+ "\",\"expires_in\":7200}")));
	}

	private static void assertFailure(ApplicationContextRunner runner, String property) {
		runner.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidDingTalkPropertyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).as("failure analysis").isNotNull();
			assertThat(analysis.getDescription()).contains(property);
			assertThat(analysis.getAction()).contains(property);
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("hr-secret")
				.doesNotContain("oa-secret");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class InjectsUserApi {

		@Bean
		String needsUserApi(UserApi users) {
			return "x";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRegistry {

		static final DingTalkApps APPS = new DingTalkApps(new DingTalkApps.Shared(() -> {
			throw new IllegalStateException();
		}, () -> {
			throw new IllegalStateException();
		}, new io.dingboot.media.MediaLimits(org.springframework.util.unit.DataSize.ofMegabytes(1),
				org.springframework.util.unit.DataSize.ofMegabytes(1), org.springframework.util.unit.DataSize.ofMegabytes(1),
				org.springframework.util.unit.DataSize.ofMegabytes(1)), io.dingboot.jsapi.SignatureAlgorithm.SHA1),
				(name, settings) -> null, null);

		@Bean
		DingTalkApps myApps() {
			return APPS;
		}

	}

}
