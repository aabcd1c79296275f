package io.dingboot.health;

import java.time.Clock;
import java.time.Instant;

import io.dingboot.DingTalkApiException;
import io.dingboot.token.StoredToken;
import io.dingboot.token.TokenCache;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the app's link to DingTalk, from what this instance has seen; a health probe never
 * calls DingTalk. UP while a valid token is held or the last fetch succeeded; DOWN with the
 * errcode when DingTalk refused the credentials (or this server's IP) since the last success, or
 * when no valid token is held and the last fetch failed; UNKNOWN before the first fetch.
 */
public final class DingTalkHealthIndicator implements HealthIndicator, TokenCache.TokenFetchListener {

	private final TokenCache tokenCache;

	private final @Nullable String tokenKey;

	private final Clock clock;

	private volatile @Nullable Instant lastSuccess;

	private volatile @Nullable Failure lastFailure;

	/**
	 * Create an indicator; hand it to the {@link TokenCache} as its fetch listener (as a bean it is
	 * found by the auto-configured cache).
	 * @param tokenCache the token cache
	 * @param tokenKey the key of the app's access token, or {@code null} when unknown
	 */
	public DingTalkHealthIndicator(TokenCache tokenCache, @Nullable String tokenKey) {
		this(tokenCache, tokenKey, Clock.systemUTC());
	}

	DingTalkHealthIndicator(TokenCache tokenCache, @Nullable String tokenKey, Clock clock) {
		this.tokenCache = tokenCache;
		this.tokenKey = tokenKey;
		this.clock = clock;
	}

	@Override
	public void fetched(StoredToken token) {
		this.lastSuccess = this.clock.instant();
		this.lastFailure = null;
	}

	@Override
	public void failed(RuntimeException failure) {
		this.lastFailure = new Failure(failure, this.clock.instant());
	}

	@Override
	public Health health() {
		Instant now = this.clock.instant();
		StoredToken held = (this.tokenKey != null) ? this.tokenCache.peek(this.tokenKey) : null;
		boolean valid = held != null && held.isValidAt(now);
		Failure failure = this.lastFailure;
		Instant success = this.lastSuccess;
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
			builder = Health.status(Status.UNKNOWN).withDetail("reason", "no token fetched yet");
		}
		if (valid) {
			builder.withDetail("tokenExpiresAt", held.expiresAt().toString());
		}
		if (success != null) {
			builder.withDetail("lastFetchAt", success.toString());
		}
		return builder.build();
	}

	@Override
	public String toString() {
		return "DingTalkHealthIndicator{tokenKey=" + this.tokenKey + "}";
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
