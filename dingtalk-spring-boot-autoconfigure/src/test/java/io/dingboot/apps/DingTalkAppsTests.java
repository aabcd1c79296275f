package io.dingboot.apps;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.http.DingTalkStubs;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.http.RetrySettings;
import io.dingboot.jsapi.SignatureAlgorithm;
import io.dingboot.media.MediaLimits;
import io.dingboot.message.Message;
import io.dingboot.message.WorkNotification;
import io.dingboot.token.InMemoryTokenStore;
import io.dingboot.token.MutableClock;
import io.dingboot.token.TokenCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Several apps against one WireMock DingTalk: each app's token is its own, fetched once, and one
 * app's failures stay its own.
 */
class DingTalkAppsTests {

	private static final WireMockServer server = new WireMockServer(
			options().dynamicPort().bindAddress("127.0.0.1").containerThreads(40));

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private DingTalkApps apps;

	private TokenCache tokenCache;

	@BeforeAll
	static void start() {
		DingTalkStubs.startWarm(server);
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@BeforeEach
	void reset() {
		server.resetAll();
		server.stubFor(get(urlPathEqualTo("/ping")).willReturn(DingTalkStubs.json("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		DingTalkTransport transport = new DingTalkTransport(
				RestClient.builder()
					.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
						.build(HttpClientSettings.defaults()
							.withConnectTimeout(Duration.ofSeconds(2))
							.withReadTimeout(Duration.ofSeconds(10)))),
				URI.create("http://127.0.0.1:" + server.port()), new RetrySettings(1, Duration.ofMillis(10),
						Duration.ofMillis(10)));
		this.tokenCache = new TokenCache(new InMemoryTokenStore(), Duration.ofMinutes(5), Duration.ofSeconds(1),
				this.clock, Runnable::run);
		DingTalkApps.Shared shared = new DingTalkApps.Shared(() -> this.tokenCache, () -> transport,
				new MediaLimits(DataSize.ofMegabytes(20), DataSize.ofMegabytes(2), DataSize.ofMegabytes(20),
						DataSize.ofMegabytes(20)),
				SignatureAlgorithm.SHA1);
		this.apps = new DingTalkApps(shared, (name, settings) -> settings.hasAppCredentials() ? null
				: new IllegalArgumentException("dingtalk.apps." + name + ".app-key: is not set"), null);
	}

	@Test
	void listenerHearsOfAppsRegisteredBeforeThenOfEveryChangeInOrder() {
		this.apps.register("hr", DingTalkAppSettings.of("hr-key", "hr-secret"));
		List<String> heard = Collections.synchronizedList(new ArrayList<>());
		this.apps.addListener(new DingTalkApps.Listener() {

			@Override
			public void registered(String name, DingTalkAppSettings settings) {
				heard.add("+" + name + ":" + settings.appKey());
			}

			@Override
			public void removed(String name) {
				heard.add("-" + name);
			}

		});
		this.apps.register("oa", DingTalkAppSettings.of("oa-key", "oa-secret"));
		this.apps.remove("hr");
		this.apps.remove("nothing");
		assertThat(heard).containsExactly("+hr:hr-key", "+oa:oa-key", "-hr");
	}

	@Test
	void failingListenerDoesNotUndoTheChange() {
		this.apps.addListener(new DingTalkApps.Listener() {

			@Override
			public void registered(String name, DingTalkAppSettings settings) {
				throw new IllegalStateException("on purpose");
			}

			@Override
			public void removed(String name) {
				throw new IllegalStateException("on purpose");
			}

		});
		this.apps.register("oa", DingTalkAppSettings.of("oa-key", "oa-secret"));
		assertThat(this.apps.names()).containsExactly("oa");
		assertThat(this.apps.remove("oa")).isTrue();
		assertThat(this.apps.names()).isEmpty();
	}

	@Test
	void eachAppCallsWithItsOwnTokenAndFetchesItOnce() {
		stubToken("hr-key", "hr-token");
		stubToken("oa-key", "oa-token");
		DingTalkApp hr = this.apps.register("hr", DingTalkAppSettings.of("hr-key", "hr-secret"));
		DingTalkApp oa = this.apps.register("oa", DingTalkAppSettings.of("oa-key", "oa-secret"));
		for (int i = 0; i < 3; i++) {
			ping(hr);
			ping(oa);
		}
		server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("hr-key"))
			.withQueryParam("appsecret", equalTo("hr-secret")));
		server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("oa-key"))
			.withQueryParam("appsecret", equalTo("oa-secret")));
		server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/ping")).withQueryParam("app", equalTo("hr"))
			.withQueryParam("access_token", equalTo("hr-token")));
		server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/ping")).withQueryParam("app", equalTo("oa"))
			.withQueryParam("access_token", equalTo("oa-token")));
		assertThat(hr.client()).isSameAs(hr.client()).isNotSameAs(oa.client());
	}

	@Test
	void workNotificationsOfAnAppCarryItsAgentIdAndToken() {
		stubToken("hr-key", "hr-token");
		server.stubFor(post(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"))
			.willReturn(DingTalkStubs.json("{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":42}")));
		DingTalkApp hr = this.apps.register("hr",
				DingTalkAppSettings.of("hr-key", "hr-secret").withAgentId(1001L).withCorpId("dinghr"));
		assertThat(hr.workNotifications()
			.send(WorkNotification.toUsers("u1").message(Message.text("hello")).build())
			.taskId()).isEqualTo(42);
		server.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"))
			.withQueryParam("access_token", equalTo("hr-token"))
			.withRequestBody(matchingJsonPath("$.agent_id", equalTo("1001"))));
		assertThat(hr.agentId()).isEqualTo(1001L);
		assertThat(hr.corpId()).isEqualTo("dinghr");
	}

	@Test
	void badSecretOfOneAppFailsThatAppOnlyWithinTheBackoff() {
		server.stubFor(get(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("bad-key"))
			.willReturn(DingTalkStubs.json("{\"errcode\":40096,\"errmsg\":\"不合法的appKey或appSecret\"}")));
		stubToken("good-key", "good-token");
		DingTalkApp bad = this.apps.register("bad", DingTalkAppSettings.of("bad-key", "wrong-secret"));
		DingTalkApp good = this.apps.register("good", DingTalkAppSettings.of("good-key", "good-secret"));
		for (int i = 0; i < 20; i++) {
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> ping(bad))
				.satisfies((ex) -> assertThat(ex.getEffectiveCode()).isEqualTo(40096))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("wrong-secret"));
			assertThat(ping(good).path("errcode").asInt()).isZero();
		}
		// the clock has not moved: one gettoken for the bad app however often it is called
		server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("bad-key")));
		server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("good-key")));
		server.verify(exactly(20), getRequestedFor(urlPathEqualTo("/ping")).withQueryParam("app", equalTo("good")));
		server.verify(exactly(0), getRequestedFor(urlPathEqualTo("/ping")).withQueryParam("app", equalTo("bad")));
		this.clock.advance(Duration.ofMillis(1001));
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> ping(bad));
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> ping(bad));
		server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("bad-key")));
		server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("good-key")));
	}

	@Test
	void hundredAppsOnSixteenThreadsOnAColdCacheFetchExactlyOneTokenEach() throws Exception {
		int appCount = 100;
		int threads = 16;
		List<DingTalkApp> registered = new ArrayList<>();
		for (int i = 0; i < appCount; i++) {
			server.stubFor(get(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("key-" + i))
				.willReturn(DingTalkStubs.token("token-" + i, 7200).withFixedDelay(20)));
			registered.add(this.apps.register("app-" + i, DingTalkAppSettings.of("key-" + i, "secret-" + i)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				List<DingTalkApp> order = new ArrayList<>(registered);
				Collections.shuffle(order);
				done.add(pool.submit(() -> {
					go.await();
					order.forEach(DingTalkAppsTests::ping);
					return null;
				}));
			}
			go.countDown();
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		server.verify(exactly(appCount), getRequestedFor(urlPathEqualTo("/gettoken")));
		for (int i = 0; i < appCount; i++) {
			server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("key-" + i)));
			server.verify(exactly(threads), getRequestedFor(urlPathEqualTo("/ping")).withQueryParam("app", equalTo("app-" + i))
				.withQueryParam("access_token", equalTo("token-" + i)));
		}
	}

	@Test
	void removeForgetsTheAppAndItsTokens() {
		stubToken("hr-key", "hr-token");
		DingTalkApp hr = this.apps.register("hr", DingTalkAppSettings.of("hr-key", "hr-secret"));
		ping(hr);
		assertThat(this.tokenCache.peek("access_token:hr-key")).isNotNull();
		assertThat(this.apps.remove("hr")).isTrue();
		assertThat(this.apps.contains("hr")).isFalse();
		assertThat(this.apps.remove("hr")).isFalse();
		assertThat(this.tokenCache.peek("access_token:hr-key")).isNull();
		DingTalkApp again = this.apps.register("hr", DingTalkAppSettings.of("hr-key", "hr-secret"));
		ping(again);
		server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("hr-key")));
	}

	@Test
	void registerRunsTheCheckAndRefusesTakenAndBadNames() {
		this.apps.register("hr", DingTalkAppSettings.of("hr-key", "hr-secret"));
		assertThatIllegalStateException().isThrownBy(() -> this.apps.register("hr", DingTalkAppSettings.of("k", "s")))
			.withMessageContaining("'hr' is registered already");
		assertThatIllegalArgumentException().isThrownBy(() -> this.apps.register("oa", DingTalkAppSettings.of("k", null)))
			.withMessage("dingtalk.apps.oa.app-key: is not set");
		assertThat(this.apps.contains("oa")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> this.apps.register("HR", DingTalkAppSettings.of("k", "s")))
			.withMessageContaining("lowercase letters, digits and '-'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.apps.register("a.b", DingTalkAppSettings.of("k", "s")));
		assertThatIllegalArgumentException().isThrownBy(() -> this.apps.register("-a", DingTalkAppSettings.of("k", "s")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.apps.register("default", DingTalkAppSettings.of("k", "s")))
			.withMessageContaining("reserved");
		assertThatIllegalArgumentException().isThrownBy(() -> this.apps.remove("default"));
		assertThat(this.apps.names()).containsExactly("hr");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void unknownNameThrowsListingTheNamesButNoSecret() {
		this.apps.register("hr", DingTalkAppSettings.of("hr-key", "hr-secret"));
		this.apps.register("oa", DingTalkAppSettings.of("oa-key", "oa-secret"));
		assertThatExceptionOfType(UnknownDingTalkAppException.class).isThrownBy(() -> this.apps.get("crm"))
			.withMessage("No DingTalk app is named 'crm'; the apps are [hr, oa]")
			.satisfies((ex) -> assertThat(ex.getConfiguredNames()).containsExactly("hr", "oa"));
		assertThat(this.apps.find("crm")).isEmpty();
		assertThat(this.apps.get("oa").appKey()).isEqualTo("oa-key");
		assertThat(this.apps).extracting(DingTalkApp::name).containsExactly("hr", "oa");
		assertThat(this.apps.toString() + this.apps.get("hr") + DingTalkAppSettings.of("k", "hr-secret"))
			.doesNotContain("hr-secret");
	}

	private static JsonNode ping(DingTalkApp app) {
		return app.client().execute(DingTalkRequest.get("/ping").query("app", app.name()).build());
	}

	private static void stubToken(String appKey, String token) {
		server.stubFor(get(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo(appKey))
			.willReturn(DingTalkStubs.token(token, 7200)));
	}

}
