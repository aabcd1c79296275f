package io.dingboot.token.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.dingboot.token.InMemoryTokenStore;
import io.dingboot.token.StoredToken;
import io.dingboot.token.TokenCache;
import io.dingboot.token.TokenStore;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Side-by-side driver for {@code docs/performance.md} ("Redis token store"): the four-instance cold
 * burst (gettoken count, slowest waiter's wait beyond the fetch) and a warm call's latency with the
 * Redis store versus memory. Not a test (surefire skips {@code *Benchmark}); run it with
 * <pre>
 * mvn -o -q -pl dingtalk-spring-boot-autoconfigure test-compile exec:java \
 *   -Dexec.mainClass=io.dingboot.token.redis.RedisTokenStoreBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class RedisTokenStoreBenchmark {

	private static final int INSTANCES = 4;

	private static final int THREADS = 16;

	private static final long FETCH_MILLIS = 100;

	private static final String KEY = "access_token:benchmark";

	private RedisTokenStoreBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		RedisServerExtension server = new RedisServerExtension();
		server.beforeAll(null);
		List<LettuceConnectionFactory> factories = new ArrayList<>();
		try {
			for (int i = 0; i < INSTANCES; i++) {
				factories.add(RedisTestSupport.connectionFactory(server.port()));
			}
			coldBurst(server, factories, 3, false);
			coldBurst(server, factories, rounds, true);
			warmCalls(factories.get(0));
		}
		finally {
			factories.forEach(LettuceConnectionFactory::destroy);
			server.afterAll(null);
		}
	}

	private static void coldBurst(RedisServerExtension server, List<LettuceConnectionFactory> factories, int rounds,
			boolean report) throws Exception {
		long[] extraMillis = new long[rounds];
		int[] fetchCounts = new int[rounds];
		ExecutorService executor = Executors.newFixedThreadPool(INSTANCES * THREADS);
		try {
			for (int round = 0; round < rounds; round++) {
				server.flushAll();
				List<RedisTokenStore> stores = new ArrayList<>();
				List<TokenCache> caches = new ArrayList<>();
				for (LettuceConnectionFactory factory : factories) {
					RedisTokenStore store = new RedisTokenStore(factory, "bench:", Duration.ofMinutes(5),
							Duration.ofSeconds(5));
					store.start();
					stores.add(store);
					caches.add(new TokenCache(store, Duration.ofMinutes(5), Duration.ofSeconds(1)));
				}
				Thread.sleep(200);
				AtomicInteger fetches = new AtomicInteger();
				AtomicLong fetchEnd = new AtomicLong();
				Supplier<StoredToken> fetcher = () -> {
					sleep(FETCH_MILLIS);
					fetches.incrementAndGet();
					fetchEnd.set(System.nanoTime());
					return new StoredToken("token", Instant.now(), Instant.now().plusSeconds(7200));
				};
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Long>> done = new ArrayList<>();
				for (TokenCache cache : caches) {
					for (int t = 0; t < THREADS; t++) {
						done.add(executor.submit(() -> {
							start.await();
							cache.get(KEY, fetcher);
							return System.nanoTime();
						}));
					}
				}
				start.countDown();
				long last = 0;
				for (Future<Long> future : done) {
					last = Math.max(last, future.get(30, TimeUnit.SECONDS));
				}
				extraMillis[round] = TimeUnit.NANOSECONDS.toMillis(last - fetchEnd.get());
				fetchCounts[round] = fetches.get();
				stores.forEach(RedisTokenStore::stop);
			}
		}
		finally {
			executor.shutdownNow();
		}
		if (report) {
			Arrays.sort(extraMillis);
			System.out.printf(Locale.ROOT,
					"cold burst %dx%d, %d rounds: gettoken per round min=%d max=%d; slowest waiter beyond the fetch "
							+ "median=%d ms p90=%d ms max=%d ms%n",
					INSTANCES, THREADS, rounds, Arrays.stream(fetchCounts).min().getAsInt(),
					Arrays.stream(fetchCounts).max().getAsInt(), extraMillis[rounds / 2],
					extraMillis[(int) (rounds * 0.9)], extraMillis[rounds - 1]);
		}
	}

	private static void warmCalls(LettuceConnectionFactory factory) {
		RedisTokenStore redisStore = new RedisTokenStore(factory, "bench:", Duration.ofMinutes(5),
				Duration.ofSeconds(5));
		Supplier<StoredToken> fetcher = () -> new StoredToken("token", Instant.now(), Instant.now().plusSeconds(7200));
		double memory = warm(new InMemoryTokenStore(), fetcher);
		double redis = warm(redisStore, fetcher);
		redisStore.fetch("access_token:direct", null, fetcher);
		int reads = 20_000;
		for (int i = 0; i < reads; i++) {
			redisStore.get("access_token:direct");
		}
		long start = System.nanoTime();
		for (int i = 0; i < reads; i++) {
			redisStore.get("access_token:direct");
		}
		double redisRead = (System.nanoTime() - start) / (double) reads;
		System.out.printf(Locale.ROOT,
				"warm call (near-cache hit): memory store %.0f ns, redis store %.0f ns; a Redis read (once per "
						+ "refresh period per instance) %.0f us%n",
				memory, redis, redisRead / 1000);
	}

	private static double warm(TokenStore store, Supplier<StoredToken> fetcher) {
		TokenCache cache = new TokenCache(store, Duration.ofMinutes(5), Duration.ofSeconds(1));
		cache.get(KEY + ":warm", fetcher);
		int calls = 5_000_000;
		for (int i = 0; i < calls; i++) {
			cache.get(KEY + ":warm", fetcher);
		}
		long start = System.nanoTime();
		for (int i = 0; i < calls; i++) {
			cache.get(KEY + ":warm", fetcher);
		}
		return (System.nanoTime() - start) / (double) calls;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
