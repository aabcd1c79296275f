package io.dingboot.callback.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.dingboot.autoconfigure.DingTalkAutoConfiguration;
import io.dingboot.autoconfigure.DingTalkCallbackAutoConfiguration;
import io.dingboot.autoconfigure.DingTalkRedisAutoConfiguration;
import io.dingboot.callback.CallbackDeduplicator;
import io.dingboot.callback.CallbackDispatcher;
import io.dingboot.callback.CallbackOutcome.Status;
import io.dingboot.callback.UserAddOrgEvent;
import io.dingboot.token.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances sharing one Redis: the same callback pushed to both is delivered once.
 */
class RedisCallbackDedupeMultiInstanceTests {

	@RegisterExtension
	static final RedisServerExtension redisServer = new RedisServerExtension();

	private static final AtomicInteger delivered = new AtomicInteger();

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeAll
	static void startInstances() {
		for (int i = 0; i < 2; i++) {
			instances.add(new SpringApplicationBuilder(InstanceConfiguration.class).web(WebApplicationType.NONE)
				.properties("dingtalk.app-key=dingapp", "dingtalk.app-secret=app-secret-1",
						"dingtalk.token.store=redis", "dingtalk.callback.enabled=true",
						"dingtalk.callback.token=123456",
						"dingtalk.callback.aes-key=1234567890123456789012345678901234567890123",
						"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisServer.port(),
						"spring.data.redis.timeout=1s", "spring.main.banner-mode=off")
				.run());
		}
	}

	@AfterAll
	static void stopInstances() {
		instances.forEach(ConfigurableApplicationContext::close);
	}

	@BeforeEach
	void reset() {
		redisServer.flushAll();
		delivered.set(0);
	}

	@Test
	void deduplicatorIsTheRedisOneInEveryInstance() {
		instances.forEach((context) -> assertThat(context.getBean(CallbackDeduplicator.class))
			.isInstanceOf(RedisCallbackDeduplicator.class));
	}

	@Test
	void samePushToTwoInstancesIsDeliveredOnce() {
		JsonNode event = JsonMapper.builder().build().readTree(
				"{\"EventType\":\"user_add_org\",\"eventId\":\"ev-42\",\"CorpId\":\"dingcorp\",\"userId\":[\"u1\"]}");
		Status first = instances.get(0).getBean(CallbackDispatcher.class).dispatch(event, "dingapp", "sig|ts|nonce");
		Status second = instances.get(1).getBean(CallbackDispatcher.class).dispatch(event, "dingapp", "sig|ts|nonce");
		assertThat(first).isEqualTo(Status.DELIVERED);
		assertThat(second).isEqualTo(Status.DUPLICATE);
		assertThat(delivered).hasValue(1);
	}

	@Test
	void pushWithoutEventIdIsDeduplicatedByItsSignatureAcrossInstances() {
		JsonNode event = JsonMapper.builder().build()
			.readTree("{\"EventType\":\"user_add_org\",\"CorpId\":\"dingcorp\",\"UserId\":[\"u2\"]}");
		instances.get(0).getBean(CallbackDispatcher.class).dispatch(event, "dingapp", "sig-7|1700000000|n1");
		Status again = instances.get(1).getBean(CallbackDispatcher.class).dispatch(event, "dingapp",
				"sig-7|1700000000|n1");
		assertThat(again).isEqualTo(Status.DUPLICATE);
		assertThat(delivered).hasValue(1);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, DingTalkRedisAutoConfiguration.class,
			DingTalkAutoConfiguration.class, DingTalkCallbackAutoConfiguration.class })
	static class InstanceConfiguration {

		@EventListener
		void onUserAdded(UserAddOrgEvent event) {
			delivered.incrementAndGet();
		}

	}

}
