package io.dingboot.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Access tokens and JSAPI tickets the fake has issued. Like DingTalk, asking again while a token
 * is valid returns the same token and extends it; after expiry a new one is issued.
 */
final class TokenRegistry {

	private final Clock clock;

	private final Duration lifetime;

	private final Map<String, Issued> byCredential = new HashMap<>();

	private final Map<String, Issued> byToken = new HashMap<>();

	private final Map<String, Issued> tickets = new HashMap<>();

	TokenRegistry(Clock clock, Duration lifetime) {
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/**
	 * Issue (or renew) the token of one credential pair.
	 * @param credential which pair asked, e.g. {@code appkey:dingxxx}
	 * @return the token
	 */
	synchronized Issued issue(String credential) {
		Instant now = this.clock.instant();
		Issued current = this.byCredential.get(credential);
		Issued issued = (current != null && current.validAt(now)) ? current.renewed(now.plus(this.lifetime))
				: new Issued(RandomIds.hex(32), credential, now.plus(this.lifetime));
		this.byCredential.put(credential, issued);
		this.byToken.put(issued.value(), issued);
		return issued;
	}

	/**
	 * Whether {@code token} was issued and has not expired.
	 * @param token the token
	 * @return whether it is valid now
	 */
	synchronized boolean isValid(String token) {
		Issued issued = this.byToken.get(token);
		return issued != null && issued.validAt(this.clock.instant());
	}

	/**
	 * The credential a valid token was issued for.
	 * @param token the token
	 * @return the credential key, or {@code null}
	 */
	synchronized @Nullable String credentialOf(String token) {
		Issued issued = this.byToken.get(token);
		return (issued != null) ? issued.credential() : null;
	}

	/**
	 * The JSAPI ticket of a credential, issued on first use and renewed while valid.
	 * @param credential the credential key
	 * @param ticketLifetime how long a ticket lives
	 * @return the ticket
	 */
	synchronized Issued ticket(String credential, Duration ticketLifetime) {
		Instant now = this.clock.instant();
		Issued current = this.tickets.get(credential);
		Issued ticket = (current != null && current.validAt(now)) ? current
				: new Issued(RandomIds.alphanumeric(64), credential, now.plus(ticketLifetime));
		this.tickets.put(credential, ticket);
		return ticket;
	}

	long lifetimeSeconds() {
		return Math.max(1, this.lifetime.toSeconds());
	}

	synchronized void expireAll() {
		this.byCredential.clear();
		this.byToken.clear();
		this.tickets.clear();
	}

	/**
	 * One issued token or ticket.
	 */
	record Issued(String value, String credential, Instant expiresAt) {

		boolean validAt(Instant now) {
			return now.isBefore(this.expiresAt);
		}

		Issued renewed(Instant expiresAt) {
			return new Issued(this.value, this.credential, expiresAt);
		}

		@Override
		public String toString() {
			return "Issued{credential=" + this.credential + ", expiresAt=" + this.expiresAt + "}";
		}

	}

}
