package io.dingboot.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TokenCacheTests {

	private static final String KEY = "access_token:app";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final List<Runnable> refreshes = new ArrayList<>();

	private final TokenCache cache = new TokenCache(new InMemoryTokenStore(), Duration.ofMinutes(5),
			Duration.ofSeconds(1), this.clock, this.refreshes::add);

	private final ExecutorService executor = Executors.newFixedThreadPool(16);

	@AfterEach
	void shutdown() {
		this.executor.shutdownNow();
	}

	@Test
	void noCacheIsBuiltBeforeTheFirstLookup() {
		assertThat(this.cache.isStarted()).isFalse();
		assertThat(this.cache).hasToString("TokenCache{size=0, store=InMemoryTokenStore{}}");
		assertThat(this.cache.isStarted()).isFalse();
		assertThat(this.cache.get(KEY, () -> token("t", Duration.ofHours(2)))).isEqualTo("t");
		assertThat(this.cache.isStarted()).isTrue();
	}

	@Test
	void getWhenColdAndManyCallersThenFetchesOnceAndAllGetTheSameToken() throws Exception {
		AtomicInteger fetches = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		Supplier<StoredToken> fetcher = () -> {
			fetches.incrementAndGet();
			await(release);
			return token("t1", Duration.ofHours(2));
		};
		List<Future<String>> results = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			results.add(this.executor.submit(() -> this.cache.get(KEY, fetcher)));
		}
		Thread.sleep(100);
		release.countDown();
		for (Future<String> result : results) {
			assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("t1");
		}
		assertThat(fetches).hasValue(1);
	}

	@Test
	void getWhenInsideRefreshMarginThenReturnsOldTokenAndRefreshesInBackgroundOnce() {
		AtomicInteger fetches = new AtomicInteger();
		Supplier<StoredToken> fetcher = () -> token("t" + fetches.incrementAndGet(), Duration.ofHours(2));
		assertThat(this.cache.get(KEY, fetcher)).isEqualTo("t1");
		this.clock.advance(Duration.ofMinutes(116));
		assertThat(this.cache.get(KEY, fetcher)).isEqualTo("t1");
		assertThat(this.cache.get(KEY, fetcher)).isEqualTo("t1");
		assertThat(this.refreshes).hasSize(1);
		assertThat(fetches).hasValue(1);
		this.refreshes.get(0).run();
		assertThat(fetches).hasValue(2);
		assertThat(this.cache.get(KEY, fetcher)).isEqualTo("t2");
	}

	@Test
	void getWhenExpiredThenFetchesAgain() {
		AtomicInteger fetches = new AtomicInteger();
		Supplier<StoredToken> fetcher = () -> token("t" + fetches.incrementAndGet(), Duration.ofSeconds(3));
		assertThat(this.cache.get(KEY, fetcher)).isEqualTo("t1");
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(this.cache.get(KEY, fetcher)).isEqualTo("t2");
		assertThat(fetches).hasValue(2);
	}

	@Test
	void invalidateWhenTokenIsStillCurrentThenNextGetFetches() {
		AtomicInteger fetches = new AtomicInteger();
		Supplier<StoredToken> fetcher = () -> token("t" + fetches.incrementAndGet(), Duration.ofHours(2));
		this.cache.get(KEY, fetcher);
		this.cache.invalidate(KEY, "t1");
		assertThat(this.cache.get(KEY, fetcher)).isEqualTo("t2");
		assertThat(fetches).hasValue(2);
	}

	@Test
	void invalidateWhenTokenWasAlreadyReplacedThenKeepsTheNewOne() {
		AtomicInteger fetches = new AtomicInteger();
		Supplier<StoredToken> fetcher = () -> token("t" + fetches.incrementAndGet(), Duration.ofHours(2));
		this.cache.get(KEY, fetcher);
		this.cache.invalidate(KEY, "t1");
		assertThat(this.cache.get(KEY, fetcher)).isEqualTo("t2");
		this.cache.invalidate(KEY, "t1");
		this.cache.invalidate(KEY, "t1");
		assertThat(this.cache.get(KEY, fetcher)).isEqualTo("t2");
		assertThat(fetches).hasValue(2);
	}

	@Test
	void getWhenFetchFailsThenEveryWaiterGetsTheSameExceptionAndNothingIsCached() throws Exception {
		AtomicInteger fetches = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		IllegalStateException failure = new IllegalStateException("bad credentials");
		Supplier<StoredToken> fetcher = () -> {
			fetches.incrementAndGet();
			await(release);
			throw failure;
		};
		List<Future<Throwable>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			results.add(this.executor.submit(() -> {
				try {
					this.cache.get(KEY, fetcher);
					return null;
				}
				catch (RuntimeException ex) {
					return ex;
				}
			}));
		}
		Thread.sleep(100);
		release.countDown();
		for (Future<Throwable> result : results) {
			assertThat(result.get(5, TimeUnit.SECONDS)).isSameAs(failure);
		}
		assertThat(fetches).hasValue(1);
		assertThat(this.cache.peek(KEY)).isNull();
	}

	@Test
	void getWhenFetchFailedLessThanBackoffAgoThenRethrowsWithoutFetching() {
		AtomicInteger fetches = new AtomicInteger();
		Supplier<StoredToken> failing = () -> {
			fetches.incrementAndGet();
			throw new IllegalStateException("bad credentials");
		};
		for (int i = 0; i < 50; i++) {
			assertThatIllegalStateException().isThrownBy(() -> this.cache.get(KEY, failing));
		}
		assertThat(fetches).hasValue(1);
		this.clock.advance(Duration.ofMillis(1001));
		assertThatIllegalStateException().isThrownBy(() -> this.cache.get(KEY, failing));
		assertThat(fetches).hasValue(2);
	}

	@Test
	void refreshWhenItFailsThenOldTokenStaysAndNoRefreshRunsUntilBackoffPassed() {
		AtomicInteger fetches = new AtomicInteger();
		Supplier<StoredToken> fetcher = () -> {
			if (fetches.incrementAndGet() > 1) {
				throw new IllegalStateException("DingTalk down");
			}
			return token("t1", Duration.ofHours(2));
		};
		this.cache.get(KEY, fetcher);
		this.clock.advance(Duration.ofMinutes(116));
		assertThat(this.cache.get(KEY, fetcher)).isEqualTo("t1");
		this.refreshes.remove(0).run();
		assertThat(this.cache.get(KEY, fetcher)).isEqualTo("t1");
		assertThat(this.refreshes).isEmpty();
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.cache.get(KEY, fetcher)).isEqualTo("t1");
		assertThat(this.refreshes).hasSize(1);
	}

	@Test
	void getWhenHundredKeysColdAndSixteenThreadsAskForEachThenLoadsEachKeyExactlyOnce() throws Exception {
		ConcurrentHashMap<String, AtomicInteger> loads = new ConcurrentHashMap<>();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		for (int thread = 0; thread < 16; thread++) {
			int offset = thread * 7;
			results.add(this.executor.submit(() -> {
				start.await(5, TimeUnit.SECONDS);
				boolean allRight = true;
				for (int i = 0; i < 100; i++) {
					String key = "access_token:app" + ((i + offset) % 100);
					String token = this.cache.get(key, () -> {
						loads.computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
						return token("token-of-" + key, Duration.ofHours(2));
					});
					allRight &= token.equals("token-of-" + key);
				}
				return allRight;
			}));
		}
		start.countDown();
		for (Future<Boolean> result : results) {
			assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(loads).hasSize(100);
		assertThat(loads.values()).allSatisfy((count) -> assertThat(count).hasValue(1));
	}

	@Test
	void oneKeysFailureNeitherBlocksNorFailsAnotherKey() {
		AtomicInteger fetches = new AtomicInteger();
		assertThatIllegalStateException().isThrownBy(() -> this.cache.get("access_token:bad", () -> {
			fetches.incrementAndGet();
			throw new IllegalStateException("bad credentials");
		}));
		assertThat(this.cache.get(KEY, () -> token("t" + fetches.incrementAndGet(), Duration.ofHours(2))))
			.isEqualTo("t2");
		assertThat(fetches).hasValue(2);
	}

	@Test
	void memoryModeKeepsTheOnlyCopyInTheCache() {
		InMemoryTokenStore store = new InMemoryTokenStore();
		TokenCache cache = new TokenCache(store, Duration.ofMinutes(5), Duration.ofSeconds(1), this.clock,
				this.refreshes::add);
		cache.get(KEY, () -> token("t1", Duration.ofHours(2)));
		assertThat(store.get(KEY)).isNull();
		assertThat(cache.peek(KEY)).extracting(StoredToken::value).isEqualTo("t1");
	}

	@Test
	void listenerGivenAtConstructionIsToldOfEachFetchAndFailure() {
		List<String> told = new ArrayList<>();
		TokenCache cache = new TokenCache(new InMemoryTokenStore(), Duration.ofMinutes(5), Duration.ofSeconds(1),
				this.clock, this.refreshes::add, new TokenCache.TokenFetchListener() {

					@Override
					public void fetched(String key, StoredToken token) {
						told.add("fetched " + key);
					}

					@Override
					public void failed(String key, RuntimeException failure) {
						told.add("failed " + key + ": " + failure.getMessage());
					}

				});
		cache.get(KEY, () -> token("t1", Duration.ofHours(2)));
		assertThatIllegalStateException().isThrownBy(() -> cache.get("access_token:other", () -> {
			throw new IllegalStateException("bad credentials");
		}));
		assertThat(told).containsExactly("fetched " + KEY, "failed access_token:other: bad credentials");
	}

	@Test
	void refreshAtNeverComesBeforeHalfTheLifetime() {
		StoredToken shortLived = token("t", Duration.ofSeconds(4));
		assertThat(shortLived.refreshAt(Duration.ofMinutes(5))).isEqualTo(this.clock.instant().plusSeconds(2));
		StoredToken normal = token("t", Duration.ofHours(2));
		assertThat(normal.refreshAt(Duration.ofMinutes(5)))
			.isEqualTo(this.clock.instant().plus(Duration.ofMinutes(115)));
	}

	@Test
	void toStringOfStoredTokenHidesTheValue() {
		assertThat(token("secret-token-value", Duration.ofHours(2)).toString()).doesNotContain("secret-token-value");
	}

	private StoredToken token(String value, Duration lifetime) {
		Instant now = this.clock.instant();
		return new StoredToken(value, now, now.plus(lifetime));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
