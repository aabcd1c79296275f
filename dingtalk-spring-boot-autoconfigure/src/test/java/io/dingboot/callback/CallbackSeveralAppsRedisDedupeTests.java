package io.dingboot.callback;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dingboot.callback.redis.RedisCallbackDeduplicator;
import io.dingboot.token.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of an application with two named apps (and no top-level credentials), sharing one
 * real Redis, fed over HTTP: each app's event is delivered once across the instances, and the same
 * event id seen by both apps is delivered once per app.
 */
class CallbackSeveralAppsRedisDedupeTests {

	@RegisterExtension
	static final RedisServerExtension redisServer = new RedisServerExtension();

	private static final String HR_TOKEN = "hrT0kenRedis";

	private static final String HR_AES_KEY = "Hr7kP2mZ9vB4nL6wR1tY8uI3oA5sD0fG2hJ4kL6zX8c";

	private static final String OA_TOKEN = "oaT0kenRedis";

	private static final String OA_AES_KEY = "Oa7kP2mZ9vB4nL6wR1tY8uI3oA5sD0fG2hJ4kL6zX8c";

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeAll
	static void startInstances() {
		for (int i = 0; i < 2; i++) {
			instances.add(new SpringApplicationBuilder(InstanceApplication.class).web(WebApplicationType.SERVLET)
				.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
						"dingtalk.token.store=redis", "dingtalk.callback.enabled=true",
						"dingtalk.apps.hr.app-key=dinghrkey", "dingtalk.apps.hr.app-secret=hr-secret",
						"dingtalk.apps.hr.corp-id=dingcorp", "dingtalk.apps.hr.callback.token=" + HR_TOKEN,
						"dingtalk.apps.hr.callback.aes-key=" + HR_AES_KEY, "dingtalk.apps.oa.app-key=dingoakey",
						"dingtalk.apps.oa.app-secret=oa-secret", "dingtalk.apps.oa.corp-id=dingcorp",
						"dingtalk.apps.oa.callback.token=" + OA_TOKEN, "dingtalk.apps.oa.callback.aes-key=" + OA_AES_KEY,
						"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisServer.port(),
						"spring.data.redis.timeout=1s")
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
		instances.forEach((instance) -> instance.getBean(Recorder.class).events.clear());
	}

	@Test
	void everyInstanceDeduplicatesInRedis() {
		instances.forEach((instance) -> assertThat(instance.getBean(CallbackDeduplicator.class))
			.isInstanceOf(RedisCallbackDeduplicator.class));
	}

	@Test
	void sameEventIdForTwoAppsOnTwoInstancesIsDeliveredOncePerApp() {
		String event = "{\"EventType\":\"user_add_org\",\"eventId\":\"ev-7\",\"CorpId\":\"dingcorp\","
				+ "\"userId\":[\"u1\"]}";
		for (ConfigurableApplicationContext instance : instances) {
			assertThat(pusher(instance, "hr", HR_TOKEN, HR_AES_KEY, "dinghrkey").push(event).statusCode()).isEqualTo(200);
			assertThat(pusher(instance, "oa", OA_TOKEN, OA_AES_KEY, "dingoakey").push(event).statusCode()).isEqualTo(200);
		}
		List<DingTalkEvent> first = instances.get(0).getBean(Recorder.class).events;
		List<DingTalkEvent> second = instances.get(1).getBean(Recorder.class).events;
		assertThat(first).extracting(DingTalkEvent::appName).containsExactly("hr", "oa");
		assertThat(second).isEmpty();
	}

	@Test
	void redisKeysNameTheAppAndNoSecret() {
		String event = "{\"EventType\":\"org_dept_create\",\"eventId\":\"ev-8\",\"CorpId\":\"dingcorp\",\"deptId\":[1]}";
		pusher(instances.get(0), "hr", HR_TOKEN, HR_AES_KEY, "dinghrkey").push(event);
		pusher(instances.get(1), "oa", OA_TOKEN, OA_AES_KEY, "dingoakey").push(event);
		StringRedisTemplate redis = new StringRedisTemplate(instances.get(0).getBean(RedisConnectionFactory.class));
		Set<String> keys = redis.keys("dingtalk:callback:*");
		assertThat(keys).containsExactlyInAnyOrder("dingtalk:callback:hr:event:dingcorp:ev-8",
				"dingtalk:callback:oa:event:dingcorp:ev-8");
		assertThat(redis.opsForValue().get("dingtalk:callback:hr:event:dingcorp:ev-8")).isEqualTo("done");
		assertThat(redis.keys("*")).allSatisfy((key) -> assertThat(key).doesNotContain(HR_TOKEN, HR_AES_KEY, OA_TOKEN,
				OA_AES_KEY, "hr-secret", "oa-secret"));
	}

	private static CallbackTestPusher pusher(ConfigurableApplicationContext instance, String app, String token,
			String aesKey, String ownerKey) {
		String port = instance.getEnvironment().getProperty("local.server.port");
		return new CallbackTestPusher(URI.create("http://127.0.0.1:" + port + "/dingtalk/callback/" + app),
				new DingTalkCallbackCrypto(token, aesKey), ownerKey);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class InstanceApplication {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

	}

	static class Recorder {

		final List<DingTalkEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void onEvent(DingTalkEvent event) {
			this.events.add(event);
		}

	}

}
