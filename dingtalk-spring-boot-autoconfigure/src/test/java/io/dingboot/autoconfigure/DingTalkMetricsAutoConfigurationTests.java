package io.dingboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dingboot.ApiWireMock;
import io.dingboot.DingTalkApiException;
import io.dingboot.apps.DingTalkAppSettings;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.metrics.DingTalkMeters;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import io.dingboot.callback.CallbackDispatcher;
import io.dingboot.security.authentication.DingTalkAuthenticationToken;
import io.dingboot.security.authentication.DingTalkUser;
import io.dingboot.security.authentication.DingTalkUserMapper;
import io.micrometer.core.instrument.Tag;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DingTalkMetricsAutoConfiguration} and the meters of {@link DingTalkMeters}.
 */
class DingTalkMetricsAutoConfigurationTests {

	private static final String SECRET = "app-secret-value";

	private static final String TOKEN = "tok-abc-123";

	@RegisterExtension
	static final ApiWireMock stub = new ApiWireMock();

	private static final WireMockServer dingTalk = stub.server();

	private ApplicationContextRunner runner;

	@BeforeEach
	void reset() {
		dingTalk.resetAll();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class,
					DingTalkMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("dingtalk.app-key=dingapp", "dingtalk.app-secret=" + SECRET,
					"dingtalk.base-url=http://127.0.0.1:" + dingTalk.port(), "dingtalk.retry.initial-backoff=10ms",
					"dingtalk.retry.max-backoff=50ms");
	}

	@Test
	void callbackOutcomesAreCountedByTypeAndOutcome() {
		this.runner.withConfiguration(AutoConfigurations.of(DingTalkCallbackAutoConfiguration.class))
			.withPropertyValues("dingtalk.callback.enabled=true", "dingtalk.callback.token=123456",
					"dingtalk.callback.aes-key=1234567890123456789012345678901234567890123")
			.run((context) -> {
				CallbackDispatcher dispatcher = context.getBean(CallbackDispatcher.class);
				JsonNode event = JsonMapper.builder().build()
					.readTree("{\"EventType\":\"org_dept_create\",\"eventId\":\"e1\",\"deptId\":[7]}");
				dispatcher.dispatch(event, "dingapp", "push-1");
				dispatcher.dispatch(event, "dingapp", "push-1");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("dingtalk.callback.events").tag("app", "default").tag("type", "org_dept_create")
					.tag("outcome", "delivered").counter().count()).isEqualTo(1);
				assertThat(registry.get("dingtalk.callback.events").tag("app", "default").tag("type", "org_dept_create")
					.tag("outcome", "duplicate").counter().count()).isEqualTo(1);
			});
	}

	@Test
	void callbackOutcomesAreTaggedWithTheAppThePushWasFor() {
		this.runner.withConfiguration(AutoConfigurations.of(DingTalkCallbackAutoConfiguration.class))
			.withPropertyValues("dingtalk.callback.enabled=true", "dingtalk.callback.token=123456",
					"dingtalk.callback.aes-key=1234567890123456789012345678901234567890123")
			.run((context) -> {
				CallbackDispatcher dispatcher = context.getBean(CallbackDispatcher.class);
				dispatcher.dispatch("hr", "org_dept_create", "e1", java.util.Map.of("deptId", java.util.List.of(7)));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("dingtalk.callback.events").tag("app", "hr").tag("type", "org_dept_create")
					.tag("outcome", "delivered").counter().count()).isEqualTo(1);
			});
	}

	@Test
	void loginAttemptsAreCountedFromSecurityEventsWithoutUserOrCode() {
		this.runner.run((context) -> {
			DingTalkUser user = DingTalkUser.of("user-007", "张三");
			DingTalkAuthenticationToken loggedIn = DingTalkAuthenticationToken.authenticated(user,
					DingTalkUserMapper.defaultAuthorities(user));
			DingTalkAuthenticationToken attempt = DingTalkAuthenticationToken.unauthenticated("code-secret-1");
			context.publishEvent(new AuthenticationSuccessEvent(loggedIn));
			context.publishEvent(new AuthenticationFailureBadCredentialsEvent(attempt,
					new BadCredentialsException("invalid_code")));
			context.publishEvent(new AuthenticationFailureServiceExceptionEvent(attempt,
					new AuthenticationServiceException("down")));
			context.publishEvent(new AuthenticationSuccessEvent(new TestingAuthenticationToken("other", "pw")));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("dingtalk.login.attempts").tag("app", "default").tag("outcome", "success")
				.counter().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.login.attempts").tag("app", "default").tag("outcome", "invalid_code")
				.counter().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.login.attempts").tag("app", "default").tag("outcome", "unavailable")
				.counter().count()).isEqualTo(1);
			assertThat(registry.getMeters().stream().flatMap((meter) -> meter.getId().getTags().stream())
				.map(Tag::getValue)).doesNotContain("user-007", "code-secret-1");
		});
	}

	@Test
	void loginAttemptsAreTaggedWithTheAppWhoseLoginUrlWasUsed() {
		this.runner.run((context) -> {
			context.publishEvent(new AuthenticationFailureBadCredentialsEvent(
					DingTalkAuthenticationToken.unauthenticated("hr", "code-1"), new BadCredentialsException("invalid_code")));
			context.publishEvent(new AuthenticationFailureBadCredentialsEvent(
					DingTalkAuthenticationToken.unauthenticated("code-2"), new BadCredentialsException("invalid_code")));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("dingtalk.login.attempts").tag("app", "hr").tag("outcome", "invalid_code")
				.counter().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.login.attempts").tag("app", "default").tag("outcome", "invalid_code")
				.counter().count()).isEqualTo(1);
		});
	}

	@Test
	void metersNeedAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class,
					DingTalkMetricsAutoConfiguration.class))
			.withPropertyValues("dingtalk.app-key=dingapp", "dingtalk.app-secret=" + SECRET)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DingTalkMeters.class));
	}

	@Test
	void metersAreOffWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DingTalkMeters.class));
	}

	@Test
	void userMetersWin() {
		this.runner.withBean("myMeters", DingTalkMeters.class, () -> new DingTalkMeters(new SimpleMeterRegistry()))
			.run((context) -> assertThat(context).getBean(DingTalkMeters.class).isSameAs(context.getBean("myMeters")));
	}

	@Test
	void callsRetriesAndTokenFetchesAreMeteredWithoutSecrets() {
		dingTalk.stubFor(get(urlPathEqualTo("/gettoken"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + TOKEN + "\",\"expires_in\":7200}")));
		dingTalk.stubFor(post(urlPathEqualTo("/topapi/v2/user/get")).inScenario("throttle")
			.whenScenarioStateIs(STARTED)
			.willSetStateTo("ok")
			.willReturn(okJson("{\"errcode\":88,\"sub_code\":\"90018\",\"sub_msg\":\"qps\",\"errmsg\":\"ding talk error\"}")));
		dingTalk.stubFor(post(urlPathEqualTo("/topapi/v2/user/get")).inScenario("throttle")
			.whenScenarioStateIs("ok")
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"userid\":\"user-42\"}}")));
		dingTalk.stubFor(post(urlPathEqualTo("/topapi/v2/department/get"))
			.willReturn(okJson("{\"errcode\":60003,\"errmsg\":\"部门不存在\"}")));
		this.runner.run((context) -> {
			DingTalkClient client = context.getBean(DingTalkClient.class);
			client.execute(DingTalkRequest.post("/topapi/v2/user/get").body(java.util.Map.of("userid", "user-42")).build());
			assertThatExceptionOfType(DingTalkApiException.class)
				.isThrownBy(() -> client.execute(DingTalkRequest.post("/topapi/v2/department/get").build()));
			DingTalkMeters meters = context.getBean(DingTalkMeters.class);
			meters.callbackEvent("default", "user_add_org", "delivered");
			meters.callbackEvent("default", "user-42 <script>", "delivered");
			meters.loginAttempt("default", "success");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("dingtalk.token.fetches").tag("app", "default").tag("outcome", "success")
				.tag("errcode", "0").counter().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.api.calls").tag("app", "default").tag("api", "/topapi/v2/user/get")
				.tag("outcome", "success").timer().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.api.calls").tag("app", "default").tag("api", "/gettoken")
				.tag("outcome", "success").timer().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.api.calls").tag("app", "default").tag("api", "/topapi/v2/department/get")
				.tag("outcome", "api_error").tag("errcode", "60003").timer().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.api.retries").tag("app", "default").tag("api", "/topapi/v2/user/get")
				.tag("reason", "throttled").counter().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.callback.events").tag("type", "user_add_org").tag("outcome", "delivered")
				.counter().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.callback.events").tag("type", "other").counter().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.login.attempts").tag("app", "default").tag("outcome", "success")
				.counter().count()).isEqualTo(1);
			assertThat(tagValues(registry)).isNotEmpty()
				.allSatisfy((value) -> assertThat(value).doesNotContain(SECRET, TOKEN, "user-42"));
		});
	}

	@Test
	void failedTokenFetchIsCountedWithErrcode() {
		dingTalk.stubFor(get(urlPathEqualTo("/gettoken"))
			.willReturn(okJson("{\"errcode\":40096,\"errmsg\":\"不合法的appKey或appSecret\"}")));
		this.runner.run((context) -> {
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> context.getBean(DingTalkClient.class)
				.execute(DingTalkRequest.post("/topapi/v2/user/get").build()));
			assertThat(context.getBean(MeterRegistry.class).get("dingtalk.token.fetches").tag("app", "default")
				.tag("outcome", "failure").tag("errcode", "40096").counter().count()).isEqualTo(1);
		});
	}

	@Test
	void metersOfTwoAppsAreTaggedWithEachAppsNameAndNeverItsKeyOrSecret() {
		stubToken("dingapp", TOKEN);
		stubToken("dinghrkey", "tok-hr-456");
		dingTalk.stubFor(post(urlPathEqualTo("/topapi/v2/user/get"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{}}")));
		dingTalk.stubFor(post(urlPathEqualTo("/topapi/busy")).withQueryParam("access_token", equalTo("tok-hr-456"))
			.inScenario("busy")
			.whenScenarioStateIs(STARTED)
			.willSetStateTo("ok")
			.willReturn(okJson("{\"errcode\":-1,\"errmsg\":\"busy\"}")));
		dingTalk.stubFor(post(urlPathEqualTo("/topapi/busy")).inScenario("busy")
			.whenScenarioStateIs("ok")
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		twoApps().run((context) -> {
			DingTalkApps apps = context.getBean(DingTalkApps.class);
			apps.get("default").client().execute(DingTalkRequest.post("/topapi/v2/user/get").build());
			apps.get("hr").client().execute(DingTalkRequest.post("/topapi/v2/user/get").build());
			apps.get("hr").client().execute(DingTalkRequest.post("/topapi/v2/user/get").build());
			apps.get("hr").client().execute(DingTalkRequest.post("/topapi/busy").build());
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("dingtalk.api.calls").tag("app", "default").tag("api", "/topapi/v2/user/get")
				.timer().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.api.calls").tag("app", "hr").tag("api", "/topapi/v2/user/get")
				.timer().count()).isEqualTo(2);
			assertThat(registry.get("dingtalk.api.calls").tag("app", "default").tag("api", "/gettoken").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("dingtalk.api.calls").tag("app", "hr").tag("api", "/gettoken").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("dingtalk.token.fetches").tag("app", "default").tag("outcome", "success")
				.counter().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.token.fetches").tag("app", "hr").tag("outcome", "success")
				.counter().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.api.retries").tag("app", "hr").tag("api", "/topapi/busy")
				.tag("reason", "unavailable").counter().count()).isEqualTo(1);
			assertThat(registry.find("dingtalk.api.retries").tag("app", "default").counters()).isEmpty();
			assertThat(appTagValues(registry)).containsOnly("default", "hr");
			assertThat(registry.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getTag("app")).isNotNull());
			assertThat(tagValues(registry)).isNotEmpty()
				.allSatisfy((value) -> assertThat(value).doesNotContain("dingapp", "dinghrkey", SECRET, "hr-secret-value",
						TOKEN, "tok-hr-456"));
		});
	}

	@Test
	void appRegisteredAtRuntimeIsTaggedWithItsName() {
		stubToken("dingopskey", "tok-ops-789");
		dingTalk.stubFor(post(urlPathEqualTo("/topapi/v2/user/get"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{}}")));
		twoApps().run((context) -> {
			DingTalkApps apps = context.getBean(DingTalkApps.class);
			apps.register("ops", DingTalkAppSettings.of("dingopskey", "ops-secret-value"))
				.client()
				.execute(DingTalkRequest.post("/topapi/v2/user/get").build());
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("dingtalk.api.calls").tag("app", "ops").tag("api", "/topapi/v2/user/get")
				.timer().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.token.fetches").tag("app", "ops").tag("outcome", "success")
				.counter().count()).isEqualTo(1);
			assertThat(appTagValues(registry)).containsOnly("ops");
			assertThat(tagValues(registry)).allSatisfy(
					(value) -> assertThat(value).doesNotContain("dingopskey", "ops-secret-value", "tok-ops-789"));
		});
	}

	@Test
	void failedTokenFetchOfOneAppIsCountedAsThatAppsWithErrcode() {
		stubToken("dingapp", TOKEN);
		dingTalk.stubFor(get(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("dinghrkey"))
			.willReturn(okJson("{\"errcode\":40096,\"errmsg\":\"不合法的appKey或appSecret\"}")));
		dingTalk.stubFor(post(urlPathEqualTo("/topapi/v2/user/get"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{}}")));
		twoApps().run((context) -> {
			DingTalkApps apps = context.getBean(DingTalkApps.class);
			apps.get("default").client().execute(DingTalkRequest.post("/topapi/v2/user/get").build());
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(
					() -> apps.get("hr").client().execute(DingTalkRequest.post("/topapi/v2/user/get").build()));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("dingtalk.token.fetches").tag("app", "hr").tag("outcome", "failure")
				.tag("errcode", "40096").counter().count()).isEqualTo(1);
			assertThat(registry.get("dingtalk.token.fetches").tag("app", "default").tag("outcome", "success")
				.counter().count()).isEqualTo(1);
			assertThat(registry.find("dingtalk.token.fetches").tag("app", "default").tag("outcome", "failure").counters())
				.isEmpty();
		});
	}

	private ApplicationContextRunner twoApps() {
		return this.runner.withConfiguration(AutoConfigurations.of(DingTalkAppsAutoConfiguration.class))
			.withPropertyValues("dingtalk.apps.hr.app-key=dinghrkey", "dingtalk.apps.hr.app-secret=hr-secret-value",
					"dingtalk.apps.hr.corp-id=dinghrcorp");
	}

	private static void stubToken(String appKey, String token) {
		dingTalk.stubFor(get(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo(appKey))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token
					+ "\",\"expires_in\":7200}")));
	}

	private static Set<String> appTagValues(MeterRegistry registry) {
		Set<String> values = new TreeSet<>();
		for (Meter meter : registry.getMeters()) {
			String app = meter.getId().getTag("app");
			if (app != null) {
				values.add(app);
			}
		}
		return values;
	}

	private static List<String> tagValues(MeterRegistry registry) {
		List<String> values = new ArrayList<>();
		for (Meter meter : registry.getMeters()) {
			for (Tag tag : meter.getId().getTags()) {
				values.add(tag.getValue());
			}
		}
		return values;
	}

}
