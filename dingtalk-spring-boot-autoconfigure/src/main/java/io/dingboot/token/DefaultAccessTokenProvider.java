package io.dingboot.token;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.http.DingTalkTransport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The default {@link AccessTokenProvider}: {@code GET /gettoken} with {@code appkey}/{@code appsecret}
 * (or, for the legacy credential, {@code corpid}/{@code corpsecret}), or, as
 * {@link TokenEndpoint#V1}, {@code POST /v1.0/oauth2/accessToken} with
 * <code>{"appKey","appSecret"}</code>; cached in a {@link TokenCache} under a key scoped by app
 * (the same key whichever endpoint fetched it: one token serves both API families).
 */
public final class DefaultAccessTokenProvider implements AccessTokenProvider {

	private static final String PATH = "/gettoken";

	/** Path of the v1.0 family's token endpoint. */
	public static final String V1_PATH = "/v1.0/oauth2/accessToken";

	private static final long DEFAULT_EXPIRES_IN = 7200;

	private final TokenCache cache;

	private final DingTalkTransport transport;

	private final String key;

	private final Map<String, String> credentials;

	private final @Nullable URI baseUrl;

	private final boolean v1;

	private final Clock clock;

	private DefaultAccessTokenProvider(TokenCache cache, DingTalkTransport transport, String key,
			Map<String, String> credentials, @Nullable URI baseUrl, boolean v1, Clock clock) {
		this.cache = cache;
		this.transport = transport;
		this.key = key;
		this.credentials = credentials;
		this.baseUrl = baseUrl;
		this.v1 = v1;
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
		return forApp(cache, transport, appKey, appSecret, null);
	}

	/**
	 * A provider for the current credential pair that fetches from {@code GET {baseUrl}/gettoken}.
	 * @param cache the token cache
	 * @param transport the transport
	 * @param appKey the app key
	 * @param appSecret the app secret
	 * @param baseUrl the app's legacy base URL, or {@code null} for the transport's
	 * @return the provider
	 */
	public static DefaultAccessTokenProvider forApp(TokenCache cache, DingTalkTransport transport, String appKey,
			String appSecret, @Nullable URI baseUrl) {
		return new DefaultAccessTokenProvider(cache, transport, "access_token:" + appKey,
				pair("appkey", appKey, "appsecret", appSecret), baseUrl, false, Clock.systemUTC());
	}

	/**
	 * A provider for the current credential pair that fetches from the v1.0 family:
	 * {@code POST {apiBaseUrl}/v1.0/oauth2/accessToken} with the JSON body
	 * <code>{"appKey":...,"appSecret":...}</code> (written outside of what is logged).
	 * @param cache the token cache
	 * @param transport the transport
	 * @param appKey the app key
	 * @param appSecret the app secret
	 * @param apiBaseUrl the v1.0 family's base URL, e.g. {@code https://api.dingtalk.com}
	 * @return the provider
	 */
	public static DefaultAccessTokenProvider forAppV1(TokenCache cache, DingTalkTransport transport, String appKey,
			String appSecret, URI apiBaseUrl) {
		return new DefaultAccessTokenProvider(cache, transport, "access_token:" + appKey,
				pair("appKey", appKey, "appSecret", appSecret), apiBaseUrl, true, Clock.systemUTC());
	}

	/** Two credentials in the order DingTalk's documents give them (key, then secret). */
	private static Map<String, String> pair(String keyName, String key, String secretName, String secret) {
		Map<String, String> pair = new LinkedHashMap<>();
		pair.put(keyName, key);
		pair.put(secretName, secret);
		return Collections.unmodifiableMap(pair);
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
		return forCorp(cache, transport, corpId, corpSecret, null);
	}

	/**
	 * A provider for the legacy credential pair that fetches from {@code GET {baseUrl}/gettoken}.
	 * @param cache the token cache
	 * @param transport the transport
	 * @param corpId the corp id
	 * @param corpSecret the corp secret
	 * @param baseUrl the app's legacy base URL, or {@code null} for the transport's
	 * @return the provider
	 */
	public static DefaultAccessTokenProvider forCorp(TokenCache cache, DingTalkTransport transport, String corpId,
			String corpSecret, @Nullable URI baseUrl) {
		return new DefaultAccessTokenProvider(cache, transport, "access_token:" + corpId,
				pair("corpid", corpId, "corpsecret", corpSecret), baseUrl, false, Clock.systemUTC());
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
		return this.v1 ? fetchV1() : fetchLegacy();
	}

	private StoredToken fetchV1() {
		Instant now = this.clock.instant();
		DingTalkRequest.Builder request = DingTalkRequest.post(V1_PATH).authenticated(false);
		if (this.baseUrl != null) {
			request.baseUrl(this.baseUrl);
		}
		JsonNode answer = this.transport.exchangeWithSecretBody(request.build(), this.credentials);
		JsonNode token = answer.get("accessToken");
		if (token == null || !token.isString() || token.asString().isEmpty()) {
			throw DingTalkApiException.invalidResponse(V1_PATH, 200,
					"DingTalk " + V1_PATH + " answered without an accessToken");
		}
		return stored(token.asString(), answer.path("expireIn").asLong(DEFAULT_EXPIRES_IN), now);
	}

	private StoredToken fetchLegacy() {
		Instant now = this.clock.instant();
		DingTalkRequest.Builder request = DingTalkRequest.get(PATH).authenticated(false);
		if (this.baseUrl != null) {
			request.baseUrl(this.baseUrl);
		}
		JsonNode answer = this.transport.exchange(request.build(), this.credentials);
		JsonNode token = answer.get("access_token");
		if (token == null || !token.isString() || token.asString().isEmpty()) {
			throw DingTalkApiException.invalidResponse(PATH, 200,
					"DingTalk " + PATH + " answered without an access_token");
		}
		return stored(token.asString(), answer.path("expires_in").asLong(DEFAULT_EXPIRES_IN), now);
	}

	private static StoredToken stored(String token, long expiresIn, Instant now) {
		long seconds = (expiresIn > 0) ? expiresIn : DEFAULT_EXPIRES_IN;
		return new StoredToken(token, now, now.plus(Duration.ofSeconds(seconds)));
	}

	@Override
	public String toString() {
		return "DefaultAccessTokenProvider{key=" + this.key + ", endpoint="
				+ (this.v1 ? TokenEndpoint.V1 : TokenEndpoint.LEGACY) + "}";
	}

}
