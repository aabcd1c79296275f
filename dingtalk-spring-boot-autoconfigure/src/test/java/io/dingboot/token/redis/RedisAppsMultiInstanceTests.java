package io.dingboot.token.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dingboot.apps.DingTalkApp;
import io.dingboot.apps.DingTalkAppSettings;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.autoconfigure.DingTalkAppsAutoConfiguration;
import io.dingboot.autoconfigure.DingTalkAutoConfiguration;
import io.dingboot.autoconfigure.DingTalkRedisAutoConfiguration;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.token.TokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of an application with two named apps, sharing one real Redis and one fake
 * DingTalk: each app's token is fetched once across both instances, and each call carries its
 * own app's token.
 */
class RedisAppsMultiInstanceTests {

	@RegisterExtension
	static final RedisServerExtension redisServer = new RedisServerExtension();

	private static final int THREADS = 8;

	private static WireMockServer dingTalk;

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeAll
	static void startDingTalkAndInstances() {
		dingTalk = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		dingTalk.start();
		for (int i = 0; i < 2; i++) {
			instances.add(new SpringApplicationBuilder(InstanceConfiguration.class).web(WebApplicationType.NONE)
				.properties("dingtalk.apps.hr.app-key=hr-key", "dingtalk.apps.hr.app-secret=hr-secret-value",
						"dingtalk.apps.oa.app-key=oa-key", "dingtalk.apps.oa.app-secret=oa-secret-value",
						"dingtalk.base-url=http://127.0.0.1:" + dingTalk.port(), "dingtalk.token.store=redis",
						"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisServer.port(),
						"spring.data.redis.timeout=1s", "spring.data.redis.connect-timeout=1s",
						"spring.main.banner-mode=off")
				.run());
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
		dingTalk.resetAll();
		for (String app : List.of("hr", "oa", "crm")) {
			dingTalk.stubFor(get(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo(app + "-key"))
				.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + app
						+ "-token\",\"expires_in\":7200}")));
		}
		dingTalk.stubFor(get(urlPathEqualTo("/ping")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
	}

	@Test
	void twoAppsOnTwoInstancesFetchEachAppsTokenOnce() throws Exception {
		assertThat(instances).allSatisfy((context) -> assertThat(context.getBean(TokenStore.class))
			.isInstanceOf(RedisTokenStore.class));
		burst("hr", "oa");
		dingTalk.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("hr-key")));
		dingTalk.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("oa-key")));
		dingTalk.verify(exactly(2 * THREADS), getRequestedFor(urlPathEqualTo("/ping")).withQueryParam("app", equalTo("hr"))
			.withQueryParam("access_token", equalTo("hr-token")));
		dingTalk.verify(exactly(2 * THREADS), getRequestedFor(urlPathEqualTo("/ping")).withQueryParam("app", equalTo("oa"))
			.withQueryParam("access_token", equalTo("oa-token")));
		StringRedisTemplate redis = new StringRedisTemplate(
				instances.get(0).getBean(org.springframework.data.redis.connection.RedisConnectionFactory.class));
		Set<String> keys = redis.keys("*");
		assertThat(keys).anyMatch((key) -> key.contains("hr-key")).anyMatch((key) -> key.contains("oa-key"));
		assertThat(String.join(",", keys)).doesNotContain("secret");
	}

	@Test
	void anAppRegisteredAtRuntimeOnBothInstancesSharesItsToken() throws Exception {
		for (ConfigurableApplicationContext context : instances) {
			context.getBean(DingTalkApps.class).register("crm", DingTalkAppSettings.of("crm-key", "crm-secret-value"));
		}
		try {
			burst("crm");
			dingTalk.verify(exactly(1),
					getRequestedFor(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("crm-key")));
			dingTalk.verify(exactly(2 * THREADS), getRequestedFor(urlPathEqualTo("/ping"))
				.withQueryParam("access_token", equalTo("crm-token")));
		}
		finally {
			instances.forEach((context) -> context.getBean(DingTalkApps.class).remove("crm"));
		}
	}

	private void burst(String... names) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(2 * THREADS);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (ConfigurableApplicationContext context : instances) {
				DingTalkApps apps = context.getBean(DingTalkApps.class);
				for (int t = 0; t < THREADS; t++) {
					done.add(executor.submit(() -> {
						start.await();
						for (String name : names) {
							DingTalkApp app = apps.get(name);
							app.client().execute(DingTalkRequest.get("/ping").query("app", name).build());
						}
						return null;
					}));
				}
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, DingTalkRedisAutoConfiguration.class,
			DingTalkAutoConfiguration.class, DingTalkAppsAutoConfiguration.class })
	static class InstanceConfiguration {

	}

}
