package io.dingboot.jsapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.token.StoredToken;
import io.dingboot.token.TokenCache;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The app's JSAPI ticket from {@code GET /get_jsapi_ticket}, kept in the {@link TokenCache} like
 * the access token (one fetch however many callers, refresh ahead of expiry, invalidate only the
 * ticket that failed) under its own key. DingTalk extends a ticket each time it is fetched again,
 * but never beyond 24 hours from its creation; the cached expiry respects both.
 */
public final class JsapiTicketProvider {

	static final String PATH = "/get_jsapi_ticket";

	/** Longest life of one ticket value. */
	static final Duration MAX_LIFETIME = Duration.ofHours(24);

	private static final long DEFAULT_EXPIRES_IN = 7200;

	private final DingTalkClient client;

	private final TokenCache cache;

	private final String key;

	private final Clock clock;

	private volatile @Nullable FirstSeen lastTicket;

	/**
	 * Create a provider.
	 * @param client the client
	 * @param cache the token cache
	 * @param appKeyOrCorpId the app key (or, for legacy credentials, the corp id) that scopes the
	 * cache key {@code jsapi_ticket:<appKeyOrCorpId>}
	 */
	public JsapiTicketProvider(DingTalkClient client, TokenCache cache, String appKeyOrCorpId) {
		this(client, cache, appKeyOrCorpId, Clock.systemUTC());
	}

	JsapiTicketProvider(DingTalkClient client, TokenCache cache, String appKeyOrCorpId, Clock clock) {
		this.client = client;
		this.cache = cache;
		this.key = "jsapi_ticket:" + appKeyOrCorpId;
		this.clock = clock;
	}

	/**
	 * The cache key, {@code jsapi_ticket:<appKey or corpId>}.
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * A valid JSAPI ticket, fetched when none is cached.
	 * @return the ticket
	 * @throws DingTalkApiException when no ticket can be fetched
	 */
	public String getTicket() {
		return this.cache.get(this.key, this::fetch);
	}

	/**
	 * Drop the cached ticket if it is still {@code failedTicket}.
	 * @param failedTicket the ticket that no longer works
	 */
	public void invalidate(String failedTicket) {
		this.cache.invalidate(this.key, failedTicket);
	}

	private StoredToken fetch() {
		Instant now = this.clock.instant();
		JsonNode answer = this.client.execute(DingTalkRequest.get(PATH).build());
		JsonNode ticket = answer.get("ticket");
		if (ticket == null || !ticket.isString() || ticket.asString().isEmpty()) {
			throw DingTalkApiException.invalidResponse(PATH, 200,
					"DingTalk " + PATH + " answered without a ticket");
		}
		String value = ticket.asString();
		long expiresIn = answer.path("expires_in").asLong(DEFAULT_EXPIRES_IN);
		if (expiresIn <= 0) {
			expiresIn = DEFAULT_EXPIRES_IN;
		}
		Instant created = firstSeen(value, now);
		Instant expiresAt = min(now.plusSeconds(expiresIn), created.plus(MAX_LIFETIME));
		return new StoredToken(value, now, expiresAt);
	}

	private Instant firstSeen(String value, Instant now) {
		FirstSeen last = this.lastTicket;
		if (last != null && last.value.equals(value) && now.isBefore(last.at.plus(MAX_LIFETIME))) {
			return last.at;
		}
		this.lastTicket = new FirstSeen(value, now);
		return now;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	@Override
	public String toString() {
		return "JsapiTicketProvider{key=" + this.key + "}";
	}

	private record FirstSeen(String value, Instant at) {

		@Override
		public String toString() {
			return "FirstSeen{at=" + this.at + "}";
		}

	}

}
