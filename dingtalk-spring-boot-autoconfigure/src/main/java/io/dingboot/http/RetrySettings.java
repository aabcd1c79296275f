package io.dingboot.http;

import java.time.Duration;
import java.util.function.Predicate;

import org.springframework.core.retry.RetryPolicy;
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
	 * A Spring Framework retry policy with these bounds for the failures {@code retryable} accepts:
	 * at most {@code maxAttempts - 1} retries; the n-th waits {@code initialBackoff * 2^(n-1)},
	 * moved at random by up to half of {@code initialBackoff * 2^(n-1)} (never below
	 * {@code initialBackoff}), and never longer than {@code maxBackoff}.
	 * @param retryable which failures to retry
	 * @return the policy
	 */
	RetryPolicy policy(Predicate<Throwable> retryable) {
		RetryPolicy.Builder policy = RetryPolicy.builder()
			.maxRetries(this.maxAttempts - 1)
			.delay(this.initialBackoff)
			// Framework wants a positive longest delay, which settings without retries (none()) lack
			.maxDelay(this.maxBackoff.isZero() ? Duration.ofMillis(1) : this.maxBackoff)
			.multiplier(2)
			.predicate(retryable);
		// Framework scales the jitter by the attempt's multiple of the initial delay
		if (this.initialBackoff.toMillis() > 1) {
			policy.jitter(Duration.ofMillis(this.initialBackoff.toMillis() / 2));
		}
		return policy.build();
	}

}
