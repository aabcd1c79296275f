package io.dingboot.callback;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs refused pushes encrypted for none of the configured owner keys without letting an outsider
 * fill the log: the first refusal is one WARN line, later ones at most one summary WARN line per
 * {@link #INTERVAL} with their count. The lines never carry a key, a token or a payload; every
 * refusal is still counted by the observers ({@code dingtalk.callback.events}, outcome
 * {@code rejected}).
 */
final class OwnerKeyMismatchLog {

	/** Shortest time between two WARN lines. */
	static final Duration INTERVAL = Duration.ofMinutes(1);

	private final Logger logger;

	private final Clock clock;

	private final AtomicLong nextLine = new AtomicLong(Long.MIN_VALUE);

	private final AtomicLong unlogged = new AtomicLong();

	private final String property;

	OwnerKeyMismatchLog(Logger logger, Clock clock) {
		this(logger, clock, "dingtalk.callback.owner-key");
	}

	/**
	 * A log for one app's refusals.
	 * @param property the app's owner-key property, named in the lines
	 */
	OwnerKeyMismatchLog(Logger logger, Clock clock, String property) {
		this.logger = logger;
		this.clock = clock;
		this.property = property;
	}

	void refused() {
		long now = this.clock.millis();
		long next = this.nextLine.get();
		if (now < next || !this.nextLine.compareAndSet(next, now + INTERVAL.toMillis())) {
			this.unlogged.incrementAndGet();
			return;
		}
		long count = this.unlogged.getAndSet(0) + 1;
		if (next == Long.MIN_VALUE) {
			this.logger.warn("Refused a DingTalk callback encrypted for none of the configured owner keys; check "
					+ "{} (further refusals are logged at most once a minute)", this.property);
		}
		else {
			this.logger.warn("Refused {} DingTalk callback(s) encrypted for none of the configured owner keys since "
					+ "the last such warning; check {}", count, this.property);
		}
	}

}
