package io.dingboot.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.util.Assert;

/**
 * Bounds of the retries of throttled and busy answers: attempts (the first included) and an
 * exponential backoff with jitter between {@code initialBackoff} and {@code maxBackoff}.
 *
 * @param maxAttempts attempts of one call, the first included
 * @param initialBackoff wait before the first retry
 * @param maxBackoff longest wait between two attempts
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

	public RetrySettings {
		Assert.isTrue(maxAttempts >= 1, "'maxAttempts' must be at least 1");
		Assert.isTrue(!initialBackoff.isNegative(), "'initialBackoff' must not be negative");
		Assert.isTrue(maxBackoff.compareTo(initialBackoff) >= 0, "'maxBackoff' must not be less than 'initialBackoff'");
	}

	/**
	 * No retries.
	 * @return settings with one attempt
	 */
	public static RetrySettings none() {
		return new RetrySettings(1, Duration.ZERO, Duration.ZERO);
	}

	/**
	 * The wait before attempt {@code attempt + 1}: {@code initialBackoff * 2^(attempt-1)}, capped,
	 * with between half and all of it taken at random ("equal jitter").
	 * @param attempt the attempt that failed, from 1
	 * @return the wait in milliseconds
	 */
	long backoffMillis(int attempt) {
		long base = this.initialBackoff.toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(base, this.maxBackoff.toMillis());
		long half = capped / 2;
		return half + ((capped - half > 0) ? ThreadLocalRandom.current().nextLong(capped - half + 1) : 0);
	}

}
