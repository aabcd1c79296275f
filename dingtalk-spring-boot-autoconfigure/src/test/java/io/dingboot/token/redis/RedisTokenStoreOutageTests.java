package io.dingboot.token.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.dingboot.token.StoredToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RedisTokenStore} when Redis goes away and comes back.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisTokenStoreOutageTests {

	@RegisterExtension
	static final RedisServerExtension redisServer = new RedisServerExtension();

	private static final String KEY = "access_token:dingapp";

	private LettuceConnectionFactory connectionFactory;

	private RedisTokenStore store;

	private final AtomicInteger fallbacks = new AtomicInteger();

	@BeforeEach
	void connect() {
		redisServer.start();
		redisServer.flushAll();
		this.connectionFactory = RedisTestSupport.connectionFactory(redisServer.port());
		this.store = new RedisTokenStore(this.connectionFactory, "dingtalk:", Duration.ofMinutes(5),
				Duration.ofSeconds(2), Duration.ofMillis(100), this.fallbacks::incrementAndGet);
		this.store.start();
	}

	@AfterEach
	void disconnect() {
		this.store.stop();
		this.connectionFactory.destroy();
		redisServer.start();
	}

	@Test
	void whenRedisStopsThenFetchesLocallyWarnsOnceAndCountsFallbacks(CapturedOutput output) {
		AtomicInteger fetches = new AtomicInteger();
		this.store.fetch(KEY, null, RedisTokenStoreTests.counting(fetches, "shared", Instant.now()));
		redisServer.stop();
		for (int i = 0; i < 5; i++) {
			StoredToken token = this.store.fetch(KEY, null,
					RedisTokenStoreTests.counting(fetches, "local-" + i, Instant.now()));
			assertThat(token.value()).isEqualTo("local-" + i);
			assertThat(this.store.get(KEY)).isNull();
			this.store.invalidate(KEY, "local-" + i);
		}
		assertThat(fetches).hasValue(6);
		assertThat(this.fallbacks).hasValueBetween(4, 5);
		assertThat(this.store.isShared()).isFalse();
		assertThat(output.getOut().split("Redis is unavailable to the DingTalk token store", -1)).hasSize(2);
		assertThat(output.getOut()).doesNotContain("shared").doesNotContain("local-");
	}

	@Test
	void whenRedisComesBackThenSharingResumes(CapturedOutput output) {
		AtomicInteger fetches = new AtomicInteger();
		redisServer.stop();
		this.store.fetch(KEY, null, RedisTokenStoreTests.counting(fetches, "local", Instant.now()));
		assertThat(this.store.isShared()).isFalse();
		redisServer.start();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.store.isShared() && output.getOut().contains("Redis is available again"));
		StoredToken shared = this.store.fetch(KEY, null,
				RedisTokenStoreTests.counting(fetches, "shared", Instant.now()));
		assertThat(shared.value()).isEqualTo("shared");
		RedisTokenStore other = new RedisTokenStore(this.connectionFactory, "dingtalk:", Duration.ofMinutes(5),
				Duration.ofSeconds(2));
		assertThat(other.fetch(KEY, null, RedisTokenStoreTests.counting(fetches, "other", Instant.now())))
			.isEqualTo(shared);
		assertThat(fetches).hasValue(2);
	}

}
