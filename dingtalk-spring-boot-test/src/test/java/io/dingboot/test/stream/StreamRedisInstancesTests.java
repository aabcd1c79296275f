package io.dingboot.test.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.dingboot.callback.CallbackDeduplicator;
import io.dingboot.callback.redis.RedisCallbackDeduplicator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.dingboot.test.stream.StreamTestApplication.KEY;
import static io.dingboot.test.stream.StreamTestApplication.SECRET;
import static io.dingboot.test.stream.StreamTestApplication.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of one app with {@code dingtalk.token.store=redis} on a real redis-server: each
 * connects, and the same event and robot message reaching both are published once.
 */
class StreamRedisInstancesTests {

	private final FakeStreamGateway gateway = FakeStreamGateway.start()
		.app(KEY, SECRET)
		.random(new Random(11))
		.redeliveryDelay(Duration.ofMillis(300));

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private LocalRedis redis;

	@BeforeEach
	void startRedis() throws Exception {
		this.redis = LocalRedis.start();
	}

	@AfterEach
	void stop() throws Exception {
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.gateway.close();
		this.redis.close();
	}

	private StreamRecorder instance() {
		ConfigurableApplicationContext context = StreamTestApplication.run(this.gateway,
				new Class<?>[] { StreamTestApplication.class }, "dingtalk.token.store=redis",
				"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + this.redis.port());
		assertThat(context.getBean(CallbackDeduplicator.class)).isInstanceOf(RedisCallbackDeduplicator.class);
		this.instances.add(context);
		return context.getBean(StreamRecorder.class);
	}

	@Test
	void eventAndRobotMessageReachingBothInstancesArePublishedOnce() {
		StreamRecorder first = instance();
		StreamRecorder second = instance();
		this.gateway.awaitCondition(() -> this.gateway.connections(KEY).size() == 2, WAIT, "two connections");
		List<String> connections = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			StreamPush push = this.gateway.pushEvent(KEY, "user_add_org", "redis-event", "{\"userId\":[\"u1\"]}");
			assertThat(push.awaitCompletion(WAIT).status()).isEqualTo("SUCCESS");
			connections.add(push.connectionIds().get(0));
			this.gateway.pushRobotMessage(KEY, FakeStreamGateway.robotTextMessage("redis-msg", "u", "hi"))
				.awaitAck(WAIT);
		}
		assertThat(connections.stream().distinct()).hasSize(2);
		this.gateway.awaitCondition(() -> first.messages.size() + second.messages.size() == 1, WAIT, "the message");
		assertThat(first.events.size() + second.events.size()).isEqualTo(1);
		assertThat(first.messages.size() + second.messages.size()).isEqualTo(1);
	}

}
