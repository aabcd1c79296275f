package io.dingboot.stream;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Backoff}.
 */
class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60));

	@Test
	void firstRetryWaitsBetweenHalfAndAllOfTheInitialBackoff() {
		for (int i = 0; i < 200; i++) {
			assertThat(this.backoff.delayMillis(1)).isBetween(250L, 500L);
		}
	}

	@Test
	void eachAttemptDoublesTheWait() {
		for (int i = 0; i < 200; i++) {
			assertThat(this.backoff.delayMillis(3)).isBetween(1000L, 2000L);
		}
	}

	@Test
	void waitIsCappedAtTheMaximumHoweverManyAttempts() {
		for (int attempt : new int[] { 8, 9, 40, 1000, Integer.MAX_VALUE }) {
			assertThat(this.backoff.delayMillis(attempt)).isBetween(30_000L, 60_000L);
		}
	}

	@Test
	void jitterSpreadsTheWaits() {
		assertThat(java.util.stream.IntStream.range(0, 50).mapToLong((i) -> this.backoff.delayMillis(6)).distinct().count())
			.isGreaterThan(1);
	}

}
