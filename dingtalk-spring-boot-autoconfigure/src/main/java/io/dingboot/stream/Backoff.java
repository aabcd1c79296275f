package io.dingboot.stream;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential reconnect backoff with jitter: attempt 1 waits between half and all of the initial
 * backoff, each further attempt doubles that, up to the maximum.
 */
final class Backoff {

	private final long initialMillis;

	private final long maxMillis;

	Backoff(Duration initial, Duration max) {
		this.initialMillis = initial.toMillis();
		this.maxMillis = Math.max(max.toMillis(), this.initialMillis);
	}

	/**
	 * The wait before attempt {@code attempt} (1 for the first retry).
	 */
	long delayMillis(int attempt) {
		int shift = Math.min(Math.max(attempt - 1, 0), 30);
		long base = Math.min(this.maxMillis, this.initialMillis << shift);
		if (base < 0) {
			base = this.maxMillis;
		}
		long half = base / 2;
		return half + ThreadLocalRandom.current().nextLong(base - half + 1);
	}

}
