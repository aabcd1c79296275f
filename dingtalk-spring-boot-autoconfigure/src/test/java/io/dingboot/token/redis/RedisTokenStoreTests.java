package io.dingboot.token.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkError;
import io.dingboot.token.StoredToken;
import io.dingboot.token.TokenCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RedisTokenStore} against a real Redis.
 */
class RedisTokenStoreTests {

	@RegisterExtension
	static final RedisServerExtension redisServer = new RedisServerExtension();

	private static final String KEY = "access_token:dingapp";

	private final List<RedisTokenStore> stores = new ArrayList<>();

	private LettuceConnectionFactory connectionFactory;

	private StringRedisTemplate redis;

	@BeforeEach
	void connect() {
		redisServer.flushAll();
		this.connectionFactory = RedisTestSupport.connectionFactory(redisServer.port());
		this.redis = new StringRedisTemplate(this.connectionFactory);
	}

	@AfterEach
	void disconnect() {
		this.stores.forEach(RedisTokenStore::stop);
		this.connectionFactory.destroy();
	}

	@Test
	void fetchOnColdStoreFetchesOnceAndStoresUnderPrefixedKey() {
		RedisTokenStore store = store("myapp:", Duration.ofSeconds(5));
		AtomicInteger fetches = new AtomicInteger();
		StoredToken token = store.fetch(KEY, null, counting(fetches, "token-1", Instant.now()));
		assertThat(token.value()).isEqualTo("token-1");
		assertThat(fetches).hasValue(1);
		assertThat(this.redis.opsForValue().get("myapp:" + KEY)).endsWith(":token-1");
		assertThat(this.redis.getExpire("myapp:" + KEY, TimeUnit.SECONDS)).isBetween(7100L, 7200L);
		assertThat(this.redis.hasKey("myapp:" + KEY + ":lock")).isFalse();
		RedisTokenStore other = store("myapp:", Duration.ofSeconds(5));
		assertThat(other.get(KEY)).isEqualTo(token);
		assertThat(other.fetch(KEY, null, counting(fetches, "token-2", Instant.now()))).isEqualTo(token);
		assertThat(fetches).hasValue(1);
	}

	@Test
	void fetchWhenManyThreadsOfTwoStoresAskTogetherThenFetchesOnce() throws Exception {
		RedisTokenStore first = store("dingtalk:", Duration.ofSeconds(5));
		RedisTokenStore second = store("dingtalk:", Duration.ofSeconds(5));
		AtomicInteger fetches = new AtomicInteger();
		Supplier<StoredToken> slowFetcher = () -> {
			sleep(100);
			return new StoredToken("token-" + fetches.incrementAndGet(), Instant.now(),
					Instant.now().plusSeconds(7200));
		};
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(16);
		try {
			List<Future<StoredToken>> results = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				RedisTokenStore store = (i % 2 == 0) ? first : second;
				results.add(executor.submit(() -> {
					start.await();
					return store.fetch(KEY, null, slowFetcher);
				}));
			}
			start.countDown();
			for (Future<StoredToken> result : results) {
				assertThat(result.get(10, TimeUnit.SECONDS).value()).isEqualTo("token-1");
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(fetches).hasValue(1);
	}

	@Test
	void olderTokenNeverOverwritesNewerOne() throws Exception {
		RedisTokenStore slow = store("dingtalk:", Duration.ofSeconds(5));
		RedisTokenStore impatient = store("dingtalk:", Duration.ofMillis(50));
		CountDownLatch slowFetched = new CountDownLatch(1);
		CountDownLatch newerStored = new CountDownLatch(1);
		Instant older = Instant.now().minusSeconds(1);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<StoredToken> slowResult = executor.submit(() -> slow.fetch(KEY, null, () -> {
				slowFetched.countDown();
				await(newerStored);
				return new StoredToken("older", older, older.plusSeconds(7200));
			}));
			await(slowFetched);
			StoredToken newer = impatient.fetch(KEY, null,
					() -> new StoredToken("newer", Instant.now(), Instant.now().plusSeconds(7200)));
			assertThat(newer.value()).isEqualTo("newer");
			newerStored.countDown();
			assertThat(slowResult.get(5, TimeUnit.SECONDS).value()).isEqualTo("newer");
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(slow.get(KEY).value()).isEqualTo("newer");
	}

	@Test
	void invalidateRemovesOnlyTheRefusedValue() {
		RedisTokenStore store = store("dingtalk:", Duration.ofSeconds(5));
		AtomicInteger fetches = new AtomicInteger();
		store.fetch(KEY, null, counting(fetches, "current", Instant.now()));
		store.invalidate(KEY, "previous");
		assertThat(store.get(KEY).value()).isEqualTo("current");
		store.invalidate(KEY, "current");
		assertThat(store.get(KEY)).isNull();
	}

	@Test
	void fetchWithStaleTokenReturnsNewerStoredTokenWithoutFetching() {
		RedisTokenStore store = store("dingtalk:", Duration.ofSeconds(5));
		AtomicInteger fetches = new AtomicInteger();
		Instant now = Instant.now();
		StoredToken stale = new StoredToken("same-value", now.minusSeconds(7000), now.plusSeconds(200));
		StoredToken stored = store.fetch(KEY, null, counting(fetches, "same-value", now));
		assertThat(store.fetch(KEY, stale, counting(fetches, "other", now))).isEqualTo(stored);
		assertThat(fetches).hasValue(1);
		assertThat(store.fetch(KEY, stored, counting(fetches, "refreshed", now.plusMillis(1))).value())
			.isEqualTo("refreshed");
		assertThat(fetches).hasValue(2);
	}

	@Test
	void fetchWhenStoredTokenIsPastItsRefreshInstantThenFetches() {
		RedisTokenStore store = store("dingtalk:", Duration.ofSeconds(5));
		AtomicInteger fetches = new AtomicInteger();
		store.fetch(KEY, null, counting(fetches, "ageing", Instant.now().minusSeconds(7100)));
		assertThat(store.fetch(KEY, null, counting(fetches, "fresh", Instant.now())).value()).isEqualTo("fresh");
		assertThat(fetches).hasValue(2);
	}

	@Test
	void fetchWhenFetcherFailsThenRethrowsItsExceptionAndReleasesTheLock() {
		RedisTokenStore store = store("dingtalk:", Duration.ofSeconds(5));
		DingTalkApiException failure = DingTalkApiException.ofAnswer("/gettoken",
				new DingTalkError(40096, "bad credentials", null, null, null), 200, "bad credentials");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> store.fetch(KEY, null, () -> {
			throw failure;
		})).isSameAs(failure);
		assertThat(this.redis.hasKey("dingtalk:" + KEY + ":lock")).isFalse();
		assertThat(store.get(KEY)).isNull();
		assertThat(store.isShared()).isTrue();
	}

	@Test
	void appsShareOneCacheAndStoreUnderKeysNamingTheirAppKeys() {
		RedisTokenStore store = store("dingtalk:", Duration.ofSeconds(5));
		TokenCache cache = new TokenCache(store, Duration.ofMinutes(5), Duration.ofSeconds(1));
		AtomicInteger fetches = new AtomicInteger();
		assertThat(cache.get("access_token:dinghr", counting(fetches, "hr-token", Instant.now())))
			.isEqualTo("hr-token");
		assertThat(cache.get("access_token:dingoa", counting(fetches, "oa-token", Instant.now())))
			.isEqualTo("oa-token");
		assertThat(cache.get("jsapi_ticket:dinghr", counting(fetches, "hr-ticket", Instant.now())))
			.isEqualTo("hr-ticket");
		assertThat(this.redis.keys("dingtalk:*")).containsExactlyInAnyOrder("dingtalk:access_token:dinghr",
				"dingtalk:access_token:dingoa", "dingtalk:jsapi_ticket:dinghr");
		cache.invalidate("access_token:dinghr", "hr-token");
		assertThat(this.redis.keys("dingtalk:*")).containsExactlyInAnyOrder("dingtalk:access_token:dingoa",
				"dingtalk:jsapi_ticket:dinghr");
		assertThat(cache.get("access_token:dingoa", counting(fetches, "unused", Instant.now()))).isEqualTo("oa-token");
		assertThat(fetches).hasValue(3);
	}

	@Test
	void toStringHoldsNoToken() {
		RedisTokenStore store = store("dingtalk:", Duration.ofSeconds(5));
		store.fetch(KEY, null, counting(new AtomicInteger(), "secret-token", Instant.now()));
		assertThat(store.toString()).doesNotContain("secret-token");
	}

	private RedisTokenStore store(String prefix, Duration lockTimeout) {
		RedisTokenStore store = new RedisTokenStore(this.connectionFactory, prefix, Duration.ofMinutes(5),
				lockTimeout);
		store.start();
		this.stores.add(store);
		return store;
	}

	static Supplier<StoredToken> counting(AtomicInteger fetches, String value, Instant fetchedAt) {
		return () -> {
			fetches.incrementAndGet();
			return new StoredToken(value, fetchedAt, fetchedAt.plusSeconds(7200));
		};
	}

	static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
