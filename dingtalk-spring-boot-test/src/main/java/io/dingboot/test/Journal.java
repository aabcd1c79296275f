package io.dingboot.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the calls the fake received, per path, whatever their answer.
 */
final class Journal {

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	void record(String path) {
		this.counts.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
	}

	int count(String path) {
		AtomicInteger count = this.counts.get(path);
		return (count != null) ? count.get() : 0;
	}

	int total() {
		return this.counts.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	void clear() {
		this.counts.clear();
	}

}
