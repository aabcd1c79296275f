package io.dingboot.callback.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.dingboot.callback.CallbackDeduplicator.Claim;
import io.dingboot.token.redis.RedisServerExtension;
import io.dingboot.token.redis.RedisTestSupport;
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
	void pushClaimedByOneInstanceIsInProgressForTheOtherThenDoneAfterCompletion() {
		RedisCallbackDeduplicator instanceA = new RedisCallbackDeduplicator(this.first, "dingtalk:");
		RedisCallbackDeduplicator instanceB = new RedisCallbackDeduplicator(this.second, "dingtalk:");
		assertThat(instanceA.claim("event-1", Duration.ofSeconds(30))).isEqualTo(Claim.CLAIMED);
		assertThat(instanceB.claim("event-1", Duration.ofSeconds(30))).isEqualTo(Claim.IN_PROGRESS);
		instanceA.complete("event-1", Duration.ofMinutes(10));
		assertThat(instanceB.claim("event-1", Duration.ofSeconds(30))).isEqualTo(Claim.DONE);
		assertThat(instanceA.claim("event-1", Duration.ofSeconds(30))).isEqualTo(Claim.DONE);
		assertThat(instanceB.claim("event-2", Duration.ofSeconds(30))).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void completedPushIsKeptUnderPrefixForTheWindow() {
		RedisCallbackDeduplicator deduplicator = new RedisCallbackDeduplicator(this.first, "app1:");
		deduplicator.claim("event-1", Duration.ofSeconds(30));
		deduplicator.complete("event-1", Duration.ofSeconds(90));
		StringRedisTemplate redis = new StringRedisTemplate(this.first);
		assertThat(redis.opsForValue().get("app1:callback:event-1")).isEqualTo("done");
		assertThat(redis.getExpire("app1:callback:event-1", TimeUnit.SECONDS)).isBetween(80L, 90L);
	}

	@Test
	void releasedClaimCanBeClaimedAgainByAnotherInstance() {
		RedisCallbackDeduplicator instanceA = new RedisCallbackDeduplicator(this.first, "dingtalk:");
		RedisCallbackDeduplicator instanceB = new RedisCallbackDeduplicator(this.second, "dingtalk:");
		assertThat(instanceA.claim("event-1", Duration.ofSeconds(30))).isEqualTo(Claim.CLAIMED);
		instanceA.release("event-1");
		assertThat(instanceB.claim("event-1", Duration.ofSeconds(30))).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void releaseNeverDropsACompletedPush() {
		RedisCallbackDeduplicator deduplicator = new RedisCallbackDeduplicator(this.first, "dingtalk:");
		deduplicator.claim("event-1", Duration.ofSeconds(30));
		deduplicator.complete("event-1", Duration.ofMinutes(10));
		deduplicator.release("event-1");
		assertThat(deduplicator.claim("event-1", Duration.ofSeconds(30))).isEqualTo(Claim.DONE);
	}

	@Test
	void whenRedisIsDownPushesAreLetThrough() {
		RedisCallbackDeduplicator deduplicator = new RedisCallbackDeduplicator(this.first, "dingtalk:");
		redisServer.stop();
		assertThat(deduplicator.claim("event-1", Duration.ofSeconds(30))).isEqualTo(Claim.CLAIMED);
		deduplicator.complete("event-1", Duration.ofMinutes(10));
		deduplicator.release("event-1");
		redisServer.start();
	}

}
