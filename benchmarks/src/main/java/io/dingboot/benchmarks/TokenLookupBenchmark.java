package io.dingboot.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.dingboot.http.DingTalkTransport;
import io.dingboot.http.RetrySettings;
import io.dingboot.token.AccessTokenProvider;
import io.dingboot.token.DefaultAccessTokenProvider;
import io.dingboot.token.InMemoryTokenStore;
import io.dingboot.token.StoredToken;
import io.dingboot.token.TokenCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.web.client.RestClient;

/**
 * A cached {@code AccessTokenProvider.getAccessToken()}: the cost every DingTalk call pays for its
 * token once one is cached.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenLookupBenchmark {

	private AccessTokenProvider provider;

	private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();

	@Setup
	public void setUp() {
		InMemoryTokenStore store = new InMemoryTokenStore();
		Instant now = Instant.now();
		store.fetch("access_token:dingbench", null,
				() -> new StoredToken("cached-token", now, now.plus(Duration.ofHours(2))));
		TokenCache cache = new TokenCache(store, Duration.ofMinutes(5), Duration.ofSeconds(1));
		DingTalkTransport unused = new DingTalkTransport(RestClient.builder(), URI.create("https://oapi.dingtalk.com"),
				RetrySettings.none());
		this.provider = DefaultAccessTokenProvider.forApp(cache, unused, "dingbench", "bench-secret");
		this.provider.getAccessToken();
		this.map.put("access_token:dingbench", "cached-token");
	}

	/**
	 * The floor: one hash-map read and one clock read, what any cache must do at least.
	 * @return the value
	 */
	@Benchmark
	@Threads(1)
	public String baselineMapLookupOneThread() {
		return (System.currentTimeMillis() > 0) ? this.map.get("access_token:dingbench") : null;
	}

	@Benchmark
	@Threads(2)
	public String baselineMapLookupTwoThreads() {
		return (System.currentTimeMillis() > 0) ? this.map.get("access_token:dingbench") : null;
	}

	@Benchmark
	@Threads(1)
	public String cachedLookupOneThread() {
		return this.provider.getAccessToken();
	}

	@Benchmark
	@Threads(2)
	public String cachedLookupTwoThreads() {
		return this.provider.getAccessToken();
	}

}
