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

	@Test
	void aHandledPushIsRememberedUntilAsManyNewerPushesAsTheCapacityHaveCome() {
		this.deduplicator.claim("first", Duration.ofMinutes(1));
		this.deduplicator.complete("first", Duration.ofHours(1));
		for (int i = 1; i < 1000; i++) {
			assertThat(this.deduplicator.claim("key-" + i, Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
			this.deduplicator.complete("key-" + i, Duration.ofHours(1));
		}
		for (int i = 1; i < 1000; i++) {
			assertThat(this.deduplicator.claim("key-" + i, Duration.ofMinutes(1))).isEqualTo(Claim.DONE);
		}
		assertThat(this.deduplicator.claim("first", Duration.ofMinutes(1))).isEqualTo(Claim.DONE);
		assertThat(this.deduplicator.claim("key-1000", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
		assertThat(this.deduplicator.claim("first", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
		assertThat(this.deduplicator.size()).isEqualTo(1000);
	}

	@Test
	void whenFullTheOldestKeysAreForgottenNeverARecentOne() {
		for (int i = 0; i < 5000; i++) {
			this.deduplicator.claim("old-" + i, Duration.ofMinutes(1));
			this.deduplicator.complete("old-" + i, Duration.ofHours(1));
		}
		this.deduplicator.claim("recent", Duration.ofMinutes(1));
		this.deduplicator.complete("recent", Duration.ofHours(1));
		for (int i = 0; i < 100; i++) {
			this.deduplicator.claim("new-" + i, Duration.ofMinutes(1));
			this.deduplicator.complete("new-" + i, Duration.ofHours(1));
		}
		assertThat(this.deduplicator.claim("recent", Duration.ofMinutes(1))).isEqualTo(Claim.DONE);
		for (int i = 0; i < 100; i++) {
			assertThat(this.deduplicator.claim("new-" + i, Duration.ofMinutes(1))).isEqualTo(Claim.DONE);
		}
		assertThat(this.deduplicator.claim("old-4000", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void aKeyCompletedAgainCountsAsNewerThanTheKeysClaimedSinceItsClaim() {
		this.deduplicator.claim("slow", Duration.ofMinutes(1));
		for (int i = 0; i < 998; i++) {
			this.deduplicator.claim("key-" + i, Duration.ofMinutes(1));
		}
		this.deduplicator.complete("slow", Duration.ofHours(1));
		this.deduplicator.claim("key-998", Duration.ofMinutes(1));
		this.deduplicator.claim("key-999", Duration.ofMinutes(1));
		assertThat(this.deduplicator.claim("slow", Duration.ofMinutes(1))).isEqualTo(Claim.DONE);
		assertThat(this.deduplicator.claim("key-0", Duration.ofMinutes(1))).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void expiredKeysAreDroppedAsNewPushesCome() {
		for (int i = 0; i < 10; i++) {
			this.deduplicator.claim("key-" + i, Duration.ofMinutes(1));
			this.deduplicator.complete("key-" + i, Duration.ofMinutes(5));
		}
		advance(Duration.ofMinutes(6));
		this.deduplicator.claim("new", Duration.ofMinutes(1));
		assertThat(this.deduplicator.size()).isEqualTo(1);
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
