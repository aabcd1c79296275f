package io.dingboot.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.dingboot.token.InMemoryTokenStore;
import io.dingboot.token.StoredToken;
import io.dingboot.token.TokenCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A cached token lookup ({@code TokenCache.get}, what {@code AccessTokenProvider.getAccessToken()}
 * does for every DingTalk call once the token is cached) with 1, 100 and 1,000 apps' tokens in the
 * one cache the application shares: the cost must not grow with the number of apps.
 * <ul>
 * <li>{@code cachedLookup}: one app's token, the others cached next to it;</li>
 * <li>{@code cachedLookupAcrossApps}: each call asks for the next app's token in turn, so every
 * entry is in use;</li>
 * <li>{@code baselineMapLookup}: the floor, one {@code ConcurrentHashMap} read and one clock read.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenLookupBenchmark {

	/**
	 * Number of apps whose tokens are cached.
	 */
	@Param({ "1", "100", "1000" })
	public int apps;

	private TokenCache cache;

	private String[] keys;

	private String key;

	private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();

	private final Supplier<StoredToken> notCalled = () -> {
		throw new IllegalStateException("the token should be cached");
	};

	@Setup
	public void setUp() {
		this.cache = new TokenCache(new InMemoryTokenStore(), Duration.ofMinutes(5), Duration.ofSeconds(1));
		this.keys = new String[this.apps];
		Instant now = Instant.now();
		for (int i = 0; i < this.apps; i++) {
			String appKey = "access_token:dingapp" + i;
			StoredToken token = new StoredToken("cached-token-" + i, now, now.plus(Duration.ofHours(2)));
			this.cache.get(appKey, () -> token);
			this.map.put(appKey, token.value());
			this.keys[i] = appKey;
		}
		this.key = this.keys[this.apps / 2];
	}

	@Benchmark
	@Threads(1)
	public String baselineMapLookup() {
		return (System.currentTimeMillis() > 0) ? this.map.get(this.key) : null;
	}

	@Benchmark
	@Threads(1)
	public String cachedLookup() {
		return this.cache.get(this.key, this.notCalled);
	}

	@Benchmark
	@Threads(2)
	public String cachedLookupTwoThreads() {
		return this.cache.get(this.key, this.notCalled);
	}

	@Benchmark
	@Threads(1)
	public String cachedLookupAcrossApps(Cursor cursor) {
		return this.cache.get(this.keys[cursor.next(this.apps)], this.notCalled);
	}

	@Benchmark
	@Threads(1)
	public String baselineMapLookupAcrossApps(Cursor cursor) {
		return (System.currentTimeMillis() > 0) ? this.map.get(this.keys[cursor.next(this.apps)]) : null;
	}

	/**
	 * Each thread's position in the round of apps.
	 */
	@State(Scope.Thread)
	public static class Cursor {

		private int position;

		int next(int size) {
			int current = this.position;
			this.position = (current + 1 == size) ? 0 : current + 1;
			return current;
		}

	}

}
