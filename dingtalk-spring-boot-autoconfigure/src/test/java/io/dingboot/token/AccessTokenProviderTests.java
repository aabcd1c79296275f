package io.dingboot.token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkStubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.dingboot.http.DingTalkStubs.gettoken;
import static io.dingboot.http.DingTalkStubs.json;
import static io.dingboot.http.DingTalkStubs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccessTokenProviderTests {

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	@BeforeEach
	void start() {
		DingTalkStubs.startWarm(this.server);
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void cacheKeyNamesTheAppKeyAndNeverTheSecret() {
		DingTalkStubs.runner(this.server).run((context) -> {
			DefaultAccessTokenProvider provider = context.getBean(DefaultAccessTokenProvider.class);
			assertThat(provider.getKey()).isEqualTo("access_token:" + DingTalkStubs.APP_KEY)
				.doesNotContain(DingTalkStubs.APP_SECRET);
			assertThat(provider.toString()).doesNotContain(DingTalkStubs.APP_SECRET);
		});
	}

	@Test
	void getAccessTokenWhen64ThreadsOnColdCacheThenOneGettoken() {
		this.server.stubFor(gettoken().willReturn(token("tok-1", 7200).withFixedDelay(200)));
		DingTalkStubs.runner(this.server).run((context) -> {
			AccessTokenProvider provider = context.getBean(AccessTokenProvider.class);
			ExecutorService executor = Executors.newFixedThreadPool(64);
			try {
				CountDownLatch gate = new CountDownLatch(1);
				List<Future<String>> results = new ArrayList<>();
				for (int i = 0; i < 64; i++) {
					results.add(executor.submit(() -> {
						gate.await();
						return provider.getAccessToken();
					}));
				}
				gate.countDown();
				for (Future<String> result : results) {
					assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("tok-1");
				}
			}
			finally {
				executor.shutdownNow();
			}
			this.server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken"))
				.withQueryParam("appkey", equalTo(DingTalkStubs.APP_KEY))
				.withQueryParam("appsecret", equalTo(DingTalkStubs.APP_SECRET)));
		});
	}

	@Test
	void getAccessTokenWhenTokenExpiresThenSecondTokenIsFetchedAndOldOneServedMeanwhile() {
		this.server.stubFor(gettoken().inScenario("expiry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token("tok-1", 3))
			.willSetStateTo("second"));
		this.server.stubFor(gettoken().inScenario("expiry")
			.whenScenarioStateIs("second")
			.willReturn(token("tok-2", 3).withFixedDelay(300)));
		DingTalkStubs.runner(this.server).run((context) -> {
			AccessTokenProvider provider = context.getBean(AccessTokenProvider.class);
			Set<String> seen = new HashSet<>();
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!seen.contains("tok-2") && System.nanoTime() < end) {
				String token = provider.getAccessToken();
				seen.add(token);
				if (this.server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/gettoken")).build())
					.getCount() == 2 && token.equals("tok-1")) {
					// the refresh is in flight (or done) while callers keep the still-valid token
					seen.add("served-old-during-refresh");
				}
				Thread.sleep(20);
			}
			assertThat(seen).contains("tok-1", "tok-2", "served-old-during-refresh");
			this.server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/gettoken")));
		});
	}

	@Test
	void getAccessTokenWhenLegacyCredentialsThenSendsCorpidAndCorpsecret() {
		this.server.stubFor(gettoken().willReturn(token("tok-corp", 7200)));
		DingTalkStubs.runner(this.server)
			.withPropertyValues("dingtalk.app-key=", "dingtalk.app-secret=", "dingtalk.corp-id=dingcorp1",
					"dingtalk.corp-secret=corp-secret-1")
			.run((context) -> {
				assertThat(context.getBean(AccessTokenProvider.class).getAccessToken()).isEqualTo("tok-corp");
				this.server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken"))
					.withQueryParam("corpid", equalTo("dingcorp1"))
					.withQueryParam("corpsecret", equalTo("corp-secret-1")));
			});
	}

	@Test
	void getAccessTokenWhenBadCredentialsHammeredThenAboutOneGettokenPerSecond() {
		this.server.stubFor(gettoken().willReturn(json("{\"errcode\":40096,\"errmsg\":\"不合法的appKey或appSecret\"}")));
		DingTalkStubs.runner(this.server).run((context) -> {
			AccessTokenProvider provider = context.getBean(AccessTokenProvider.class);
			int failures = 0;
			long start = System.nanoTime();
			for (int i = 0; i < 600; i++) {
				long due = start + TimeUnit.MILLISECONDS.toNanos(5L * i);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				try {
					provider.getAccessToken();
				}
				catch (DingTalkApiException ex) {
					assertThat(ex.getErrcode()).isEqualTo(40096);
					assertThat(ex.getMessage()).contains("dingtalk.app-key").doesNotContain(DingTalkStubs.APP_SECRET);
					failures++;
				}
			}
			assertThat(failures).isEqualTo(600);
			int fetches = this.server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/gettoken")).build())
				.getCount();
			assertThat(fetches).isBetween(1, 4);
		});
	}

	@Test
	void getAccessTokenWhenAnswerHasNoTokenThenFailsNamingThePath() {
		this.server.stubFor(gettoken().willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		DingTalkStubs.runner(this.server).run((context) -> {
			AccessTokenProvider provider = context.getBean(AccessTokenProvider.class);
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(provider::getAccessToken)
				.withMessageContaining("/gettoken")
				.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(DingTalkApiException.Kind.INVALID_RESPONSE));
		});
	}

}
