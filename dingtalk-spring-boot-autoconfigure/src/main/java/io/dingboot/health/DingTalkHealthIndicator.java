package io.dingboot.health;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import io.dingboot.DingTalkApiException;
import io.dingboot.token.StoredToken;
import io.dingboot.token.TokenCache;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

/**
 * Health of each app's link to DingTalk, from what this instance has seen; a health probe never
 * calls DingTalk. The detail {@code apps} holds one entry per app, by name, each with its status:
 * UP while a valid token is held or the last fetch succeeded; DOWN with the errcode when DingTalk
 * refused the credentials (or this server's IP) since the last success, or when no valid token is
 * held and the last fetch failed; UNKNOWN before the first fetch. The indicator's own status is the
 * worst of the apps' in Spring Boot's default order (DOWN before UP before UNKNOWN): one app with
 * bad credentials makes it DOWN, an app not used yet does not. Apps are named, never shown by key,
 * and no secret or token appears.
 */
public final class DingTalkHealthIndicator implements HealthIndicator, TokenCache.TokenFetchListener {

	private static final String ACCESS_TOKEN = "access_token:";

	private final TokenCache tokenCache;

	private final Supplier<Map<String, String>> apps;

	private final Clock clock;

	private final ConcurrentMap<String, Fetches> fetches = new ConcurrentHashMap<>();

	/**
	 * Create an indicator of the one app {@code default}; hand it to the {@link TokenCache} as its
	 * fetch listener (as a bean it is found by the auto-configured cache).
	 * @param tokenCache the token cache
	 * @param tokenKey the key of the app's access token, or {@code null} when unknown
	 */
	public DingTalkHealthIndicator(TokenCache tokenCache, @Nullable String tokenKey) {
		this(tokenCache, () -> (tokenKey != null) ? Map.of("default", tokenKey) : Map.of(), Clock.systemUTC());
	}

	/**
	 * Create an indicator of several apps; hand it to the {@link TokenCache} as its fetch listener
	 * (as a bean it is found by the auto-configured cache).
	 * @param tokenCache the token cache
	 * @param apps supplies, on each probe, the key of each app's access token by the app's name, in
	 * the order to report them (so that apps registered at runtime appear)
	 */
	public DingTalkHealthIndicator(TokenCache tokenCache, Supplier<Map<String, String>> apps) {
		this(tokenCache, apps, Clock.systemUTC());
	}

	DingTalkHealthIndicator(TokenCache tokenCache, Supplier<Map<String, String>> apps, Clock clock) {
		Assert.notNull(tokenCache, "'tokenCache' must not be null");
		Assert.notNull(apps, "'apps' must not be null");
		this.tokenCache = tokenCache;
		this.apps = apps;
		this.clock = clock;
	}

	@Override
	public void fetched(String key, StoredToken token) {
		if (key.startsWith(ACCESS_TOKEN)) {
			fetchesOf(key).succeeded(this.clock.instant());
		}
	}

	@Override
	public void failed(String key, RuntimeException failure) {
		if (key.startsWith(ACCESS_TOKEN)) {
			fetchesOf(key).failed(new Failure(failure, this.clock.instant()));
		}
	}

	private Fetches fetchesOf(String key) {
		return this.fetches.computeIfAbsent(key, (k) -> new Fetches());
	}

	@Override
	public Health health() {
		Map<String, String> keys = this.apps.get();
		if (keys.isEmpty()) {
			return Health.unknown().withDetail("reason", "no DingTalk app").build();
		}
		// forget the fetches of apps that were removed
		this.fetches.keySet().retainAll(keys.values());
		Instant now = this.clock.instant();
		Map<String, Health> byApp = new LinkedHashMap<>();
		Status worst = Status.UNKNOWN;
		for (Map.Entry<String, String> app : keys.entrySet()) {
			Health health = health(app.getValue(), now);
			byApp.put(app.getKey(), health);
			worst = worse(worst, health.getStatus());
		}
		return Health.status(worst).withDetail("apps", byApp).build();
	}

	private Health health(String tokenKey, Instant now) {
		StoredToken held = this.tokenCache.peek(tokenKey);
		boolean valid = held != null && held.isValidAt(now);
		Fetches seen = this.fetches.get(tokenKey);
		Failure failure = (seen != null) ? seen.lastFailure : null;
		Instant success = (seen != null) ? seen.lastSuccess : null;
		Health.Builder builder;
		if (failure != null && (failure.refused() || !valid)) {
			builder = Health.down().withDetail("errcode", failure.errcode).withDetail("error", failure.message)
				.withDetail("failedAt", failure.at.toString());
		}
		else if (valid || success != null) {
			builder = Health.up();
			if (failure != null) {
				builder.withDetail("lastFailureErrcode", failure.errcode).withDetail("lastFailureAt", failure.at.toString());
			}
		}
		else {
			builder = Health.unknown().withDetail("reason", "no token fetched yet");
		}
		if (valid) {
			builder.withDetail("tokenExpiresAt", held.expiresAt().toString());
		}
		if (success != null) {
			builder.withDetail("lastFetchAt", success.toString());
		}
		return builder.build();
	}

	private static Status worse(Status current, Status next) {
		if (Status.DOWN.equals(current) || Status.DOWN.equals(next)) {
			return Status.DOWN;
		}
		if (Status.UP.equals(current) || Status.UP.equals(next)) {
			return Status.UP;
		}
		return Status.UNKNOWN;
	}

	@Override
	public String toString() {
		return "DingTalkHealthIndicator{apps=" + this.apps.get().keySet() + "}";
	}

	/**
	 * What this instance saw of one app's token fetches.
	 */
	private static final class Fetches {

		volatile @Nullable Instant lastSuccess;

		volatile @Nullable Failure lastFailure;

		void succeeded(Instant at) {
			this.lastSuccess = at;
			this.lastFailure = null;
		}

		void failed(Failure failure) {
			this.lastFailure = failure;
		}

	}

	private static final class Failure {

		final int errcode;

		final String message;

		final Instant at;

		final boolean apiError;

		Failure(RuntimeException failure, Instant at) {
			DingTalkApiException apiFailure = (failure instanceof DingTalkApiException ex) ? ex : null;
			this.errcode = (apiFailure != null) ? apiFailure.getEffectiveCode() : 0;
			this.message = (apiFailure != null) ? String.valueOf(apiFailure.getMessage())
					: failure.getClass().getSimpleName();
			this.apiError = apiFailure != null && apiFailure.getKind() == DingTalkApiException.Kind.API_ERROR
					&& !apiFailure.isThrottled() && !apiFailure.isUnavailable();
			this.at = at;
		}

		/**
		 * Whether DingTalk refused the fetch itself (credentials, IP whitelist): no retry helps.
		 */
		boolean refused() {
			return this.apiError;
		}

	}

}
