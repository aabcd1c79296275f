package io.dingboot.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed total rate of calls shared by every caller of a {@link PeerCase}, so that two cases are
 * compared at the same load: each call takes the next free slot and the caller sleeps until it
 * comes. A rate of 0 lets every caller call as fast as it can.
 */
final class Pace {

	private static final Pace NONE = new Pace(0);

	private final long intervalNanos;

	private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());

	private Pace(long intervalNanos) {
		this.intervalNanos = intervalNanos;
	}

	/**
	 * A pace of {@code callsPerSecond} calls a second in total.
	 * @param callsPerSecond the rate; 0 for no pace
	 * @return the pace
	 */
	static Pace of(long callsPerSecond) {
		return (callsPerSecond > 0) ? new Pace(TimeUnit.SECONDS.toNanos(1) / callsPerSecond) : NONE;
	}

	/**
	 * Waits for the next slot; returns at once when there is no pace, or when the callers are behind
	 * it (a slot is never saved up for later).
	 */
	void await() {
		if (this.intervalNanos == 0) {
			return;
		}
		long now = System.nanoTime();
		long slot = this.nextSlot.getAndAccumulate(now, (next, current) -> Math.max(next, current) + this.intervalNanos);
		long wait = slot - now;
		if (wait > 0) {
			LockSupport.parkNanos(wait);
		}
	}

}
