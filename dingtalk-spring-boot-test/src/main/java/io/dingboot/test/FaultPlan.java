package io.dingboot.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Planned failures and latencies, per path.
 */
final class FaultPlan {

	private final Map<String, Deque<Failure>> failures = new HashMap<>();

	private final Map<String, Duration> latencies = new ConcurrentHashMap<>();

	private volatile Duration latency = Duration.ZERO;

	synchronized void failNext(String path, int times, Failure failure) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be >= 1, got " + times);
		}
		Deque<Failure> queue = this.failures.computeIfAbsent(path, (key) -> new ArrayDeque<>());
		for (int i = 0; i < times; i++) {
			queue.addLast(failure);
		}
	}

	/**
	 * Take the next planned failure of a path.
	 * @param path the path called
	 * @return the failure, or {@code null} to answer normally
	 */
	synchronized @Nullable Failure poll(String path) {
		Deque<Failure> queue = this.failures.get(path);
		return (queue != null) ? queue.pollFirst() : null;
	}

	synchronized int pending(String path) {
		Deque<Failure> queue = this.failures.get(path);
		return (queue != null) ? queue.size() : 0;
	}

	void setLatency(Duration latency) {
		this.latency = requireNonNegative(latency);
	}

	void setLatency(String path, Duration latency) {
		this.latencies.put(path, requireNonNegative(latency));
	}

	Duration latency(String path) {
		return this.latencies.getOrDefault(path, this.latency);
	}

	synchronized void clear() {
		this.failures.clear();
		this.latencies.clear();
		this.latency = Duration.ZERO;
	}

	private static Duration requireNonNegative(Duration latency) {
		if (latency == null || latency.isNegative()) {
			throw new IllegalArgumentException("latency must be zero or positive");
		}
		return latency;
	}

	/**
	 * One planned failure.
	 */
	sealed interface Failure {

		/**
		 * Answer with a DingTalk errcode (wrapped in 88 on {@code /topapi} for token and
		 * throttling codes).
		 */
		record Errcode(int errcode, @Nullable String errmsg) implements Failure {
		}

		/**
		 * Answer with an HTTP status and a raw body.
		 */
		record Status(int status, String body) implements Failure {
		}

		/**
		 * Reset the connection without answering.
		 */
		record ConnectionReset() implements Failure {
		}

	}

}
