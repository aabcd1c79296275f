package io.dingboot.token;

import java.time.Duration;
import java.time.Instant;

/**
 * A token (access token or JSAPI ticket) with the time it was fetched and the time it expires.
 *
 * @param value the token value
 * @param fetchedAt when it was fetched
 * @param expiresAt when DingTalk stops accepting it
 */
public record StoredToken(String value, Instant fetchedAt, Instant expiresAt) {

	/**
	 * The instant from which a background refresh should run: {@code refreshMargin} before
	 * expiry, but never before half of the token's lifetime.
	 * @param refreshMargin the configured margin
	 * @return the refresh instant
	 */
	public Instant refreshAt(Duration refreshMargin) {
		Duration lifetime = Duration.between(this.fetchedAt, this.expiresAt);
		Duration margin = (refreshMargin.compareTo(lifetime.dividedBy(2)) > 0) ? lifetime.dividedBy(2) : refreshMargin;
		return this.expiresAt.minus(margin);
	}

	/**
	 * Whether the token is still accepted at {@code now}.
	 * @param now the current instant
	 * @return whether it has not expired
	 */
	public boolean isValidAt(Instant now) {
		return now.isBefore(this.expiresAt);
	}

	@Override
	public String toString() {
		return "StoredToken{value=******, fetchedAt=" + this.fetchedAt + ", expiresAt=" + this.expiresAt + "}";
	}

}
