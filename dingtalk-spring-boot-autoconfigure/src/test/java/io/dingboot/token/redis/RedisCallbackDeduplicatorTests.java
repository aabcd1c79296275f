package io.dingboot.token.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedisCallbackDeduplicator} against a real Redis.
 */
class RedisCallbackDeduplicatorTests {

	@RegisterExtension
	static final RedisServerExtension redisServer = new RedisServerExtension();

	private LettuceConnectionFactory first;

	private LettuceConnectionFactory second;

	@BeforeEach
	void connect() {
		redisServer.start();
		redisServer.flushAll();
		this.first = RedisTestSupport.connectionFactory(redisServer.port());
		this.second = RedisTestSupport.connectionFactory(redisServer.port());
	}

	@AfterEach
	void disconnect() {
		this.first.destroy();
		this.second.destroy();
		redisServer.start();
	}

	@Test
	void sameIdSeenByTwoInstancesIsFirstSeenOnce() {
		RedisCallbackDeduplicator instanceA = new RedisCallbackDeduplicator(this.first, "dingtalk:");
		RedisCallbackDeduplicator instanceB = new RedisCallbackDeduplicator(this.second, "dingtalk:");
		assertThat(instanceA.firstSeen("event-1", Duration.ofMinutes(10))).isTrue();
		assertThat(instanceB.firstSeen("event-1", Duration.ofMinutes(10))).isFalse();
		assertThat(instanceA.firstSeen("event-1", Duration.ofMinutes(10))).isFalse();
		assertThat(instanceB.firstSeen("event-2", Duration.ofMinutes(10))).isTrue();
	}

	@Test
	void idIsKeptUnderPrefixForTheWindow() {
		RedisCallbackDeduplicator deduplicator = new RedisCallbackDeduplicator(this.first, "app1:");
		deduplicator.firstSeen("event-1", Duration.ofSeconds(90));
		StringRedisTemplate redis = new StringRedisTemplate(this.first);
		assertThat(redis.hasKey("app1:callback:event-1")).isTrue();
		assertThat(redis.getExpire("app1:callback:event-1", TimeUnit.SECONDS)).isBetween(80L, 90L);
	}

	@Test
	void forgottenIdIsFirstSeenAgain() {
		RedisCallbackDeduplicator instanceA = new RedisCallbackDeduplicator(this.first, "dingtalk:");
		RedisCallbackDeduplicator instanceB = new RedisCallbackDeduplicator(this.second, "dingtalk:");
		assertThat(instanceA.firstSeen("event-1", Duration.ofMinutes(10))).isTrue();
		instanceA.forget("event-1");
		assertThat(instanceB.firstSeen("event-1", Duration.ofMinutes(10))).isTrue();
	}

	@Test
	void whenRedisIsDownEventsAreLetThrough() {
		RedisCallbackDeduplicator deduplicator = new RedisCallbackDeduplicator(this.first, "dingtalk:");
		redisServer.stop();
		assertThat(deduplicator.firstSeen("event-1", Duration.ofMinutes(10))).isTrue();
		deduplicator.forget("event-1");
		redisServer.start();
	}

}
