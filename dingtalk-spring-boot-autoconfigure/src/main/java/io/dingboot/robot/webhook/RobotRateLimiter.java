package io.dingboot.robot.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * Keeps one robot (one access token) within {@link RobotRateLimit#maxMessages()} sends in any
 * rolling {@link RobotRateLimit#window()}. Each send reserves a time slot under a short lock: now
 * if the window has room, else the moment the send that would be one too many in the window
 * leaves it. A caller whose slot is in the future waits once, outside the lock, for exactly that
 * time; nothing polls. A slot further away than {@link RobotRateLimit#maxWait()}, or any future slot
 * under {@link RateLimitPolicy#FAIL}, is refused and reserves nothing.
 */
final class RobotRateLimiter {

	private final RobotRateLimit limit;

	private final long windowMillis;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	/** Reserved slots (epoch ms), oldest first; slots older than the window are dropped. */
	private final List<Long> slots = new ArrayList<>();

	RobotRateLimiter(RobotRateLimit limit, Clock clock) {
		this.limit = limit;
		this.windowMillis = limit.window().toMillis();
		this.clock = clock;
	}

	RobotRateLimit limit() {
		return this.limit;
	}

	/**
	 * Reserve a slot for one send.
	 * @return how long the caller must wait before sending ({@link Duration#ZERO} for now), or
	 * {@code null} when the send is refused
	 */
	@Nullable Duration reserve() {
		this.lock.lock();
		try {
			long now = this.clock.millis();
			while (!this.slots.isEmpty() && this.slots.get(0) <= now - this.windowMillis) {
				this.slots.remove(0);
			}
			int size = this.slots.size();
			long slot = now;
			if (size >= this.limit.maxMessages()) {
				// the window ending at the slot may hold maxMessages - 1 earlier slots
				slot = Math.max(slot, this.slots.get(size - this.limit.maxMessages()) + this.windowMillis);
			}
			if (size > 0) {
				slot = Math.max(slot, this.slots.get(size - 1));
			}
			long wait = slot - now;
			if (wait > 0 && (this.limit.policy() == RateLimitPolicy.FAIL || wait > this.limit.maxWait().toMillis())) {
				return null;
			}
			this.slots.add(slot);
			return Duration.ofMillis(wait);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * How long until the next send could go now, for messages.
	 * @return the time until a slot frees
	 */
	Duration untilNextSlot() {
		this.lock.lock();
		try {
			long now = this.clock.millis();
			int size = this.slots.size();
			if (size < this.limit.maxMessages()) {
				return Duration.ZERO;
			}
			return Duration.ofMillis(Math.max(0, this.slots.get(size - this.limit.maxMessages()) + this.windowMillis - now));
		}
		finally {
			this.lock.unlock();
		}
	}

}
