package io.dingboot.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Free-login codes: each valid once, for five minutes. Codes that were never used are forgotten
 * when they expire, and at most {@link #MAX_PENDING} wait at a time (the oldest goes first), so
 * that issuing codes without logging in does not make the fake grow.
 */
final class AuthCodes {

	static final Duration VALIDITY = Duration.ofMinutes(5);

	static final int MAX_PENDING = 10_000;

	private final Clock clock;

	private final Map<String, Pending> codes = new LinkedHashMap<>();

	AuthCodes(Clock clock) {
		this.clock = clock;
	}

	synchronized String issue(String userid) {
		Instant now = this.clock.instant();
		Iterator<Pending> oldestFirst = this.codes.values().iterator();
		while (oldestFirst.hasNext()) {
			Pending oldest = oldestFirst.next();
			if (now.isBefore(oldest.expiresAt()) && this.codes.size() < MAX_PENDING) {
				break;
			}
			oldestFirst.remove();
		}
		String code = RandomIds.hex(32);
		this.codes.put(code, new Pending(userid, now.plus(VALIDITY)));
		return code;
	}

	/**
	 * Use a code up.
	 * @param code the code
	 * @return the userid it was issued for, or {@code null} when unknown, used or expired
	 */
	synchronized @Nullable String consume(@Nullable String code) {
		Pending pending = (code != null) ? this.codes.remove(code) : null;
		if (pending == null || !this.clock.instant().isBefore(pending.expiresAt())) {
			return null;
		}
		return pending.userid();
	}

	synchronized int pending() {
		return this.codes.size();
	}

	synchronized void clear() {
		this.codes.clear();
	}

	private record Pending(String userid, Instant expiresAt) {
	}

}
