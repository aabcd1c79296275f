package io.dingboot.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Free-login codes: each issued by one app and valid only with that app's access token, once, for
 * five minutes (presented with another app's token it is refused and stays valid for its own app).
 * Codes that were never used are forgotten when they expire, and at most {@link #MAX_PENDING} wait
 * at a time (the oldest goes first), so that issuing codes without logging in does not make the
 * fake grow.
 */
final class AuthCodes {

	static final Duration VALIDITY = Duration.ofMinutes(5);

	static final int MAX_PENDING = 10_000;

	private final Clock clock;

	private final Map<String, Pending> codes = new LinkedHashMap<>();

	AuthCodes(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Issue a code of the app {@value FakeDingTalk#DEFAULT_APP}.
	 * @param userid the user
	 * @return the code
	 */
	String issue(String userid) {
		return issue(FakeDingTalk.DEFAULT_APP, userid);
	}

	/**
	 * Issue a code of one app.
	 * @param app the app's name
	 * @param userid the user
	 * @return the code
	 */
	synchronized String issue(String app, String userid) {
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
		this.codes.put(code, new Pending(app, userid, now.plus(VALIDITY)));
		return code;
	}

	/**
	 * Use a code of the app {@value FakeDingTalk#DEFAULT_APP} up.
	 * @param code the code
	 * @return the userid it was issued for, or {@code null} when unknown, used or expired
	 */
	@Nullable String consume(@Nullable String code) {
		return consume(FakeDingTalk.DEFAULT_APP, code);
	}

	/**
	 * Use a code up with the token of one app.
	 * @param app the name of the app whose token came with the code
	 * @param code the code
	 * @return the userid it was issued for, or {@code null} when unknown, used, expired or issued by
	 * another app
	 */
	synchronized @Nullable String consume(String app, @Nullable String code) {
		Pending pending = (code != null) ? this.codes.get(code) : null;
		if (pending == null || !pending.app().equals(app)) {
			return null;
		}
		this.codes.remove(code);
		if (!this.clock.instant().isBefore(pending.expiresAt())) {
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

	private record Pending(String app, String userid, Instant expiresAt) {
	}

}
