package io.dingboot.callback;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.dingboot.callback.CallbackDeduplicator.Claim;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InMemoryCallbackDeduplicator}.
 */
class InMemoryCallbackDeduplicatorTests {

	private final AtomicLong nanos = new AtomicLong();

	private final InMemoryCallbackDeduplicator deduplicator = new InMemoryCallbackDeduplicator(1000, this.nanos::get);

	@Test
	void noCacheIsBuiltBeforeTheFirstPush() {
		InMemoryCallbackDeduplicator deduplicator = new InMemoryCallbackDeduplicator();
		assertThat(deduplicator.isStarted()).isFalse();
		assertThat(deduplicator.claim("a", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
		assertThat(deduplicator.isStarted()).isTrue();
	}

	@Test
	void firstClaimWinsAndSecondSeesInProgress() {
		assertThat(this.deduplicator.claim("a", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
		assertThat(this.deduplicator.claim("a", Duration.ofMinutes(1))).isEqualTo(Claim.IN_PROGRESS);
		assertThat(this.deduplicator.claim("b", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void completedKeyIsDoneUntilTheWindowPasses() {
		this.deduplicator.claim("a", Duration.ofMinutes(1));
		this.deduplicator.complete("a", Duration.ofHours(1));
		advance(Duration.ofMinutes(59));
		assertThat(this.deduplicator.claim("a", Duration.ofMinutes(1))).isEqualTo(Claim.DONE);
		advance(Duration.ofMinutes(2));
		assertThat(this.deduplicator.claim("a", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void releasedKeyCanBeClaimedAgainButReleaseNeverForgetsACompletedKey() {
		this.deduplicator.claim("a", Duration.ofMinutes(1));
		this.deduplicator.release("a");
		assertThat(this.deduplicator.claim("a", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
		this.deduplicator.complete("a", Duration.ofHours(1));
		this.deduplicator.release("a");
		assertThat(this.deduplicator.claim("a", Duration.ofMinutes(1))).isEqualTo(Claim.DONE);
	}

	@Test
	void abandonedClaimExpiresAfterItsTimeout() {
		this.deduplicator.claim("a", Duration.ofMinutes(1));
		advance(Duration.ofSeconds(61));
		assertThat(this.deduplicator.claim("a", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
