package io.dingboot.autoconfigure;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dingboot.ApiWireMock;
import io.dingboot.DingTalkApiException;
import io.dingboot.apps.DingTalkAppSettings;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.health.DingTalkHealthIndicator;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DingTalkHealthAutoConfiguration} and {@link DingTalkHealthIndicator}.
 */
class DingTalkHealthAutoConfigurationTests {

	@RegisterExtension
	static final ApiWireMock stub = new ApiWireMock();

	private static final WireMockServer dingTalk = stub.server();

	private ApplicationContextRunner runner;

	@BeforeEach
	void reset() {
		dingTalk.resetAll();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class,
					DingTalkHealthAutoConfiguration.class))
			.withPropertyValues("dingtalk.app-key=dingapp", "dingtalk.app-secret=app-secret-value",
					"dingtalk.base-url=http://127.0.0.1:" + dingTalk.port(), "dingtalk.retry.max-attempts=1");
	}

	@Test
	void indicatorIsNamedDingtalk() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(DingTalkHealthIndicator.class);
			assertThat(context).hasBean("dingtalkHealthIndicator");
		});
	}

	@Test
	void indicatorIsOffWhenDisabled() {
		this.runner.withPropertyValues("management.health.dingtalk.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DingTalkHealthIndicator.class));
	}

	@Test
	void indicatorIsOffWithoutSpringBootHealth() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DingTalkHealthIndicator.class));
	}

	@Test
	void indicatorIsOffWithoutCredentials() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class,
					DingTalkHealthAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DingTalkHealthIndicator.class));
	}

	@Test
	void userIndicatorWins() {
		this.runner.withBean("dingtalkHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(DingTalkHealthIndicator.class));
	}

	@Test
	void healthBeforeAnyFetchIsUnknownAndCallsNobody() {
		this.runner.run((context) -> {
			Health health = context.getBean(DingTalkHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(app(health, "default").getDetails()).containsEntry("reason", "no token fetched yet");
			dingTalk.verify(exactly(0), anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void healthAfterSuccessfulFetchIsUpAndProbesCallNobody() {
		dingTalk.stubFor(get(urlPathEqualTo("/gettoken"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"tok-123\",\"expires_in\":7200}")));
		dingTalk.stubFor(post(urlPathEqualTo("/topapi/v2/user/get"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{}}")));
		this.runner.run((context) -> {
			context.getBean(DingTalkClient.class).execute(DingTalkRequest.post("/topapi/v2/user/get").build());
			dingTalk.resetRequests();
			DingTalkHealthIndicator indicator = context.getBean(DingTalkHealthIndicator.class);
			for (int i = 0; i < 5; i++) {
				Health health = indicator.health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(app(health, "default").getStatus()).isEqualTo(Status.UP);
				assertThat(app(health, "default").getDetails()).containsKeys("tokenExpiresAt", "lastFetchAt");
				assertThat(String.valueOf(health.getDetails())).doesNotContain("tok-123", "app-secret-value", "dingapp");
			}
			dingTalk.verify(exactly(0), anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void healthAfterCredentialFailureIsDownWithErrcode() {
		dingTalk.stubFor(get(urlPathEqualTo("/gettoken"))
			.willReturn(okJson("{\"errcode\":40096,\"errmsg\":\"不合法的appKey或appSecret\"}")));
		this.runner.run((context) -> {
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> context.getBean(DingTalkClient.class)
				.execute(DingTalkRequest.post("/topapi/v2/user/get").build()));
			Health health = context.getBean(DingTalkHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(app(health, "default").getStatus()).isEqualTo(Status.DOWN);
			assertThat(app(health, "default").getDetails()).containsEntry("errcode", 40096);
			assertThat(String.valueOf(health.getDetails())).doesNotContain("app-secret-value");
			dingTalk.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")));
		});
	}

	@Test
	void healthAfterNetworkFailureWithoutTokenIsDown() {
		dingTalk.stubFor(get(urlPathEqualTo("/gettoken"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()));
		this.runner.run((context) -> {
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> context.getBean(DingTalkClient.class)
				.execute(DingTalkRequest.post("/topapi/v2/user/get").build()));
			assertThat(context.getBean(DingTalkHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void healthOfTwoAppsReportsEachByNameAndOneAppsBadCredentialsMakeItDown() {
		stubToken("dingapp", "tok-123");
		dingTalk.stubFor(get(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("dinghrkey"))
			.willReturn(okJson("{\"errcode\":40089,\"errmsg\":\"不合法的corpid或corpsecret\"}")));
		dingTalk.stubFor(post(urlPathEqualTo("/topapi/v2/user/get"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{}}")));
		twoApps().run((context) -> {
			DingTalkApps apps = context.getBean(DingTalkApps.class);
			apps.get("default").client().execute(DingTalkRequest.post("/topapi/v2/user/get").build());
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(
					() -> apps.get("hr").client().execute(DingTalkRequest.post("/topapi/v2/user/get").build()));
			dingTalk.resetRequests();
			Health health = context.getBean(DingTalkHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(apps(health)).containsOnlyKeys("default", "hr");
			assertThat(app(health, "default").getStatus()).isEqualTo(Status.UP);
			assertThat(app(health, "default").getDetails()).containsKeys("tokenExpiresAt", "lastFetchAt")
				.doesNotContainKey("errcode");
			assertThat(app(health, "hr").getStatus()).isEqualTo(Status.DOWN);
			assertThat(app(health, "hr").getDetails()).containsEntry("errcode", 40089).containsKeys("error", "failedAt");
			assertThat(String.valueOf(health.getDetails())).doesNotContain("tok-123", "app-secret-value",
					"hr-secret-value", "dingapp", "dinghrkey");
			dingTalk.verify(exactly(0), anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void healthOfAnAppNotUsedYetIsUnknownAndLeavesTheOthersStatus() {
		stubToken("dingapp", "tok-123");
		dingTalk.stubFor(post(urlPathEqualTo("/topapi/v2/user/get"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{}}")));
		twoApps().run((context) -> {
			context.getBean(DingTalkApps.class)
				.get("default")
				.client()
				.execute(DingTalkRequest.post("/topapi/v2/user/get").build());
			Health health = context.getBean(DingTalkHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(app(health, "hr").getStatus()).isEqualTo(Status.UNKNOWN);
			dingTalk.verify(exactly(0), getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey",
					equalTo("dinghrkey")));
		});
	}

	@Test
	void appRegisteredAtRuntimeAppearsInHealthAndLeavesItWhenRemoved() {
		stubToken("dingopskey", "tok-ops");
		dingTalk.stubFor(post(urlPathEqualTo("/topapi/v2/user/get"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{}}")));
		twoApps().run((context) -> {
			DingTalkApps apps = context.getBean(DingTalkApps.class);
			DingTalkHealthIndicator indicator = context.getBean(DingTalkHealthIndicator.class);
			assertThat(apps(indicator.health())).containsOnlyKeys("default", "hr");
			apps.register("ops", DingTalkAppSettings.of("dingopskey", "ops-secret-value"));
			assertThat(apps(indicator.health())).containsOnlyKeys("default", "hr", "ops");
			assertThat(app(indicator.health(), "ops").getStatus()).isEqualTo(Status.UNKNOWN);
			apps.get("ops").client().execute(DingTalkRequest.post("/topapi/v2/user/get").build());
			assertThat(app(indicator.health(), "ops").getStatus()).isEqualTo(Status.UP);
			apps.remove("ops");
			assertThat(apps(indicator.health())).containsOnlyKeys("default", "hr");
		});
	}

	@Test
	void healthOfNamedAppsOnlyListsThemWithoutDefault() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkAppsAutoConfiguration.class,
					DingTalkHealthAutoConfiguration.class))
			.withPropertyValues("dingtalk.apps.hr.app-key=dinghrkey", "dingtalk.apps.hr.app-secret=hr-secret-value",
					"dingtalk.base-url=http://127.0.0.1:" + dingTalk.port())
			.run((context) -> {
				Health health = context.getBean(DingTalkHealthIndicator.class).health();
				assertThat(apps(health)).containsOnlyKeys("hr");
				assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			});
	}

	private ApplicationContextRunner twoApps() {
		return this.runner.withConfiguration(AutoConfigurations.of(DingTalkAppsAutoConfiguration.class))
			.withPropertyValues("dingtalk.apps.hr.app-key=dinghrkey", "dingtalk.apps.hr.app-secret=hr-secret-value");
	}

	private static void stubToken(String appKey, String token) {
		dingTalk.stubFor(get(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo(appKey))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token
					+ "\",\"expires_in\":7200}")));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Health> apps(Health health) {
		return (Map<String, Health>) health.getDetails().get("apps");
	}

	private static Health app(Health health, String name) {
		Health app = apps(health).get(name);
		assertThat(app).as("health of app " + name).isNotNull();
		return app;
	}

}
