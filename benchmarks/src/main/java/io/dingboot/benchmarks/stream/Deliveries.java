package io.dingboot.benchmarks.stream;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What reached the benchmark's listener: for every event number the time it first arrived, how
 * many arrived in all, and how many arrived more than once.
 */
final class Deliveries {

	private final AtomicLongArray firstSeen;

	private final LongAdder delivered = new LongAdder();

	private final LongAdder duplicates = new LongAdder();

	Deliveries(int capacity) {
		this.firstSeen = new AtomicLongArray(capacity);
	}

	/**
	 * Record one delivery to the listener.
	 * @param eventId the event's id, its sequence number
	 */
	void delivered(String eventId) {
		long now = System.nanoTime();
		int number = Integer.parseInt(eventId);
		this.delivered.increment();
		if (!this.firstSeen.compareAndSet(number, 0, now)) {
			this.duplicates.increment();
		}
	}

	long delivered() {
		return this.delivered.sum();
	}

	long duplicates() {
		return this.duplicates.sum();
	}

	/**
	 * When an event first arrived ({@link System#nanoTime()}, which on Linux is the same clock in
	 * every process), 0 if never.
	 */
	long firstSeen(long number) {
		return this.firstSeen.get((int) number);
	}

	/**
	 * How many events of {@code [first, end)} never arrived.
	 */
	long missing(long first, long end) {
		long missing = 0;
		for (long i = first; i < end; i++) {
			if (this.firstSeen.get((int) i) == 0) {
				missing++;
			}
		}
		return missing;
	}

}
