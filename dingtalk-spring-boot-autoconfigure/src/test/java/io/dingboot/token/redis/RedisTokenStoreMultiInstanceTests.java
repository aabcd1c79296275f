package io.dingboot.token.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dingboot.autoconfigure.DingTalkAutoConfiguration;
import io.dingboot.autoconfigure.DingTalkHealthAutoConfiguration;
import io.dingboot.autoconfigure.DingTalkMetricsAutoConfiguration;
import io.dingboot.autoconfigure.DingTalkRedisAutoConfiguration;
import io.dingboot.health.DingTalkHealthIndicator;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.token.DefaultAccessTokenProvider;
import io.dingboot.token.StoredToken;
import io.dingboot.token.TokenCache;
import io.dingboot.token.TokenStore;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Four application contexts (four instances of an app) sharing one real Redis and one fake
 * DingTalk.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisTokenStoreMultiInstanceTests {

	@RegisterExtension
	static final RedisServerExtension redisServer = new RedisServerExtension();

	private static final int INSTANCES = 4;

	private static final int THREADS = 16;

	private static final String SECRET = "app-secret-value";

	private static WireMockServer dingTalk;

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeAll
	static void startDingTalkAndInstances() {
		dingTalk = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		dingTalk.start();
		for (int i = 0; i < INSTANCES; i++) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(InstanceConfiguration.class)
				.web(WebApplicationType.NONE)
				.properties("dingtalk.app-key=dingapp", "dingtalk.app-secret=" + SECRET,
						"dingtalk.base-url=http://127.0.0.1:" + dingTalk.port(), "dingtalk.token.store=redis",
						"dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.max-backoff=50ms",
						"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisServer.port(),
						"spring.data.redis.timeout=1s", "spring.data.redis.connect-timeout=1s",
						"spring.main.banner-mode=off")
				.run();
			context.getBean(RedisConnectionFactory.class).getConnection().ping();
			instances.add(context);
		}
	}

	@AfterAll
	static void stopDingTalkAndInstances() {
		instances.forEach(ConfigurableApplicationContext::close);
		dingTalk.stop();
	}

	@BeforeEach
	void coldStart() {
		redisServer.flushAll();
		for (ConfigurableApplicationContext context : instances) {
			DefaultAccessTokenProvider provider = context.getBean(DefaultAccessTokenProvider.class);
			StoredToken held = context.getBean(TokenCache.class).peek(provider.getKey());
			if (held != null) {
				provider.invalidate(held.value());
			}
			assertThat(context.getBean(TokenCache.class).peek(provider.getKey())).isNull();
			context.getBean(SimpleMeterRegistry.class).clear();
		}
		dingTalk.resetAll();
		stubTokens(12);
		dingTalk.stubFor(post(urlPathEqualTo("/topapi/v2/user/get")).atPriority(10)
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"userid\":\"u1\"},\"request_id\":\"r1\"}")));
	}

	@AfterEach
	void redisRunning() {
		redisServer.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> instances.stream()
			.allMatch((context) -> ((RedisTokenStore) context.getBean(TokenStore.class)).isShared()));
	}

	@Test
	void coldBurstOfFourInstancesTimesSixteenThreadsFetchesOneToken() throws Exception {
		assertThat(instances).allSatisfy((context) -> assertThat(context.getBean(TokenStore.class))
			.isInstanceOf(RedisTokenStore.class));
		List<String> tokens = burst();
		assertThat(tokens).hasSize(INSTANCES * THREADS).containsOnly("token-1");
		dingTalk.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")));
		double fetches = instances.stream()
			.mapToDouble((context) -> context.getBean(MeterRegistry.class)
				.counter("dingtalk.token.fetches", "app", "default", "outcome", "success", "errcode", "0")
				.count())
			.sum();
		assertThat(fetches).isEqualTo(1);
		for (ConfigurableApplicationContext context : instances) {
			assertThat(context.getBean(DingTalkHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
			assertThat(tagValues(context.getBean(MeterRegistry.class))).doesNotContain(SECRET, "token-1", "u1")
				.contains("/topapi/v2/user/get");
		}
	}

	@Test
	void invalidTokenSeenByEveryInstanceIsFetchedAgainOnceAcrossAllFour() throws Exception {
		burst();
		dingTalk.resetRequests();
		rejectTokens("token-1");
		List<String> tokens = burst();
		assertThat(tokens).containsOnly("token-2");
		dingTalk.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")));
	}

	@Test
	void whenRedisStopsCallsKeepSucceedingAndWhenItReturnsSharingResumes(CapturedOutput output) throws Exception {
		burst();
		redisServer.stop();
		dingTalk.resetRequests();
		rejectTokens("token-1");
		List<String> local = burst();
		assertThat(local).hasSize(INSTANCES * THREADS).allMatch((token) -> token.matches("token-[2-5]"));
		dingTalk.verify(exactly(INSTANCES), getRequestedFor(urlPathEqualTo("/gettoken")));
		for (ConfigurableApplicationContext context : instances) {
			assertThat(context.getBean(DingTalkHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
			assertThat(context.getBean(MeterRegistry.class).counter("dingtalk.token.store.fallbacks").count())
				.isEqualTo(1);
		}
		assertThat(output.getOut().split("Redis is unavailable to the DingTalk token store", -1))
			.hasSize(INSTANCES + 1);

		redisServer.start();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> instances.stream()
				.allMatch((context) -> ((RedisTokenStore) context.getBean(TokenStore.class)).isShared()));
		dingTalk.resetRequests();
		// the tokens the instances fetched for themselves; concurrent fetches can get the same one, since
		// WireMock scenarios are not atomic, so reject exactly these rather than a numbered range
		Set<String> refused = new TreeSet<>(local);
		refused.add("token-1");
		rejectTokens(String.join("|", refused));
		List<String> shared = burst();
		assertThat(new TreeSet<>(shared)).singleElement().isNotIn(refused);
		dingTalk.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")));
	}

	private List<String> burst() throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(INSTANCES * THREADS);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (ConfigurableApplicationContext context : instances) {
				DingTalkClient client = context.getBean(DingTalkClient.class);
				for (int i = 0; i < THREADS; i++) {
					results.add(executor.submit(() -> {
						start.await();
						JsonNode answer = client.execute(DingTalkRequest.post("/topapi/v2/user/get")
							.body(Map.of("userid", "u1"))
							.idempotent(true)
							.build());
						assertThat(answer.path("result").path("userid").asString()).isEqualTo("u1");
						return lastToken(answer);
					}));
				}
			}
			start.countDown();
			List<String> tokens = new ArrayList<>();
			for (Future<String> result : results) {
				tokens.add(result.get(30, TimeUnit.SECONDS));
			}
			return tokens;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static String lastToken(JsonNode answer) {
		return answer.path("token").asString();
	}

	private static void stubTokens(int count) {
		for (int i = 1; i <= count; i++) {
			String state = (i == 1) ? Scenario.STARTED : "fetched-" + (i - 1);
			dingTalk.stubFor(get(urlPathEqualTo("/gettoken")).inScenario("tokens")
				.whenScenarioStateIs(state)
				.willSetStateTo("fetched-" + i)
				.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"token-" + i
						+ "\",\"expires_in\":7200}")
					.withFixedDelay(100)));
			dingTalk.stubFor(post(urlPathEqualTo("/topapi/v2/user/get")).atPriority(5)
				.withQueryParam("access_token", matching("token-" + i))
				.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"userid\":\"u1\"},"
						+ "\"token\":\"token-" + i + "\",\"request_id\":\"r1\"}")));
		}
	}

	private static void rejectTokens(String pattern) {
		dingTalk.stubFor(post(urlPathEqualTo("/topapi/v2/user/get")).atPriority(1)
			.withQueryParam("access_token", matching(pattern))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"errcode\":88,\"sub_code\":\"40014\",\"sub_msg\":\"不合法的access_token\","
						+ "\"errmsg\":\"ding talk error[subcode=40014,submsg=不合法的access_token]\",\"request_id\":\"r2\"}")));
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

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, DingTalkRedisAutoConfiguration.class,
			DingTalkAutoConfiguration.class, DingTalkMetricsAutoConfiguration.class,
			DingTalkHealthAutoConfiguration.class })
	static class InstanceConfiguration {

		@Bean
		SimpleMeterRegistry simpleMeterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
