package io.dingboot.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free-login codes: each valid once, for five minutes.
 */
final class AuthCodes {

	static final Duration VALIDITY = Duration.ofMinutes(5);

	private final Clock clock;

	private final Map<String, Pending> codes = new ConcurrentHashMap<>();

	AuthCodes(Clock clock) {
		this.clock = clock;
	}

	String issue(String userid) {
		String code = RandomIds.hex(32);
		this.codes.put(code, new Pending(userid, this.clock.instant().plus(VALIDITY)));
		return code;
	}

	/**
	 * Use a code up.
	 * @param code the code
	 * @return the userid it was issued for, or {@code null} when unknown, used or expired
	 */
	String consume(String code) {
		Pending pending = (code != null) ? this.codes.remove(code) : null;
		if (pending == null || !this.clock.instant().isBefore(pending.expiresAt())) {
			return null;
		}
		return pending.userid();
	}

	void clear() {
		this.codes.clear();
	}

	private record Pending(String userid, Instant expiresAt) {
	}

}
