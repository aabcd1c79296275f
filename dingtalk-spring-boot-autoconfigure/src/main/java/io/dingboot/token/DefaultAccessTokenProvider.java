package io.dingboot.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.http.DingTalkTransport;
import tools.jackson.databind.JsonNode;

/**
 * The default {@link AccessTokenProvider}: {@code GET /gettoken} with {@code appkey}/{@code appsecret}
 * (or, for the legacy credential, {@code corpid}/{@code corpsecret}), cached in a {@link TokenCache}
 * under a key scoped by app.
 */
public final class DefaultAccessTokenProvider implements AccessTokenProvider {

	private static final String PATH = "/gettoken";

	private static final long DEFAULT_EXPIRES_IN = 7200;

	private final TokenCache cache;

	private final DingTalkTransport transport;

	private final String key;

	private final Map<String, String> credentials;

	private final Clock clock;

	private DefaultAccessTokenProvider(TokenCache cache, DingTalkTransport transport, String key,
			Map<String, String> credentials, Clock clock) {
		this.cache = cache;
		this.transport = transport;
		this.key = key;
		this.credentials = credentials;
		this.clock = clock;
	}

	/**
	 * A provider for the current credential pair.
	 * @param cache the token cache
	 * @param transport the transport
	 * @param appKey the app key
	 * @param appSecret the app secret
	 * @return the provider
	 */
	public static DefaultAccessTokenProvider forApp(TokenCache cache, DingTalkTransport transport, String appKey,
			String appSecret) {
		return new DefaultAccessTokenProvider(cache, transport, "access_token:" + appKey,
				Map.of("appkey", appKey, "appsecret", appSecret), Clock.systemUTC());
	}

	/**
	 * A provider for the legacy credential pair.
	 * @param cache the token cache
	 * @param transport the transport
	 * @param corpId the corp id
	 * @param corpSecret the corp secret
	 * @return the provider
	 */
	public static DefaultAccessTokenProvider forCorp(TokenCache cache, DingTalkTransport transport, String corpId,
			String corpSecret) {
		return new DefaultAccessTokenProvider(cache, transport, "access_token:" + corpId,
				Map.of("corpid", corpId, "corpsecret", corpSecret), Clock.systemUTC());
	}

	/**
	 * The cache key of this app's token, e.g. {@code access_token:dingxxxx}; never holds a secret.
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

	@Override
	public String getAccessToken() {
		return this.cache.get(this.key, this::fetch);
	}

	@Override
	public void invalidate(String failedToken) {
		this.cache.invalidate(this.key, failedToken);
	}

	private StoredToken fetch() {
		Instant now = this.clock.instant();
		JsonNode answer = this.transport.exchange(DingTalkRequest.get(PATH).authenticated(false).build(),
				this.credentials);
		JsonNode token = answer.get("access_token");
		if (token == null || !token.isString() || token.asString().isEmpty()) {
			throw DingTalkApiException.invalidResponse(PATH, 200,
					"DingTalk " + PATH + " answered without an access_token");
		}
		long expiresIn = answer.path("expires_in").asLong(DEFAULT_EXPIRES_IN);
		if (expiresIn <= 0) {
			expiresIn = DEFAULT_EXPIRES_IN;
		}
		return new StoredToken(token.asString(), now, now.plus(Duration.ofSeconds(expiresIn)));
	}

	@Override
	public String toString() {
		return "DefaultAccessTokenProvider{key=" + this.key + "}";
	}

}
