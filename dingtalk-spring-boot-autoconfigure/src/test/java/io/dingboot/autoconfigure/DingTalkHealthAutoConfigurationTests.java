package io.dingboot.autoconfigure;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dingboot.ApiWireMock;
import io.dingboot.DingTalkApiException;
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
				assertThat(health.getDetails()).containsKeys("tokenExpiresAt", "lastFetchAt");
				assertThat(health.getDetails().values()).allSatisfy(
						(value) -> assertThat(String.valueOf(value)).doesNotContain("tok-123", "app-secret-value"));
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
			assertThat(health.getDetails()).containsEntry("errcode", 40096);
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

}
