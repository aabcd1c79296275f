package io.dingboot.metrics;

import java.util.concurrent.TimeUnit;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.token.StoredToken;
import io.dingboot.token.TokenCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * DingBoot's Micrometer meters. Tags carry API path templates, outcomes, error codes and event
 * types only: never a secret, a token, an auth code or a user id.
 * <ul>
 * <li>{@code dingtalk.token.fetches} (counter; {@code outcome}=success|failure, {@code errcode})</li>
 * <li>{@code dingtalk.api.calls} (timer, retries included; {@code api}, {@code outcome}=success or
 * the failure kind, {@code errcode})</li>
 * <li>{@code dingtalk.api.retries} (counter; {@code api}, {@code reason}=throttled|unavailable|other)</li>
 * <li>{@code dingtalk.callback.events} (counter; {@code type}, {@code outcome})</li>
 * <li>{@code dingtalk.login.attempts} (counter; {@code outcome})</li>
 * <li>{@code dingtalk.token.store.fallbacks} (counter: token fetches made without Redis because it
 * was unavailable)</li>
 * </ul>
 */
public final class DingTalkMeters {

	private static final int MAX_TAG_LENGTH = 64;

	private final MeterRegistry registry;

	public DingTalkMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Count a callback event.
	 * @param type the event type, e.g. {@code user_add_org}
	 * @param outcome what became of it, e.g. {@code delivered}, {@code duplicate}, {@code rejected}
	 */
	public void callbackEvent(String type, String outcome) {
		Counter.builder("dingtalk.callback.events")
			.description("Callback events received from DingTalk")
			.tag("type", safe(type))
			.tag("outcome", safe(outcome))
			.register(this.registry)
			.increment();
	}

	/**
	 * Count a free-login attempt.
	 * @param outcome what became of it, e.g. {@code success}, {@code invalid_code}, {@code error}
	 */
	public void loginAttempt(String outcome) {
		Counter.builder("dingtalk.login.attempts")
			.description("Free-login attempts")
			.tag("outcome", safe(outcome))
			.register(this.registry)
			.increment();
	}

	/**
	 * A listener for a {@link TokenCache} that counts token fetches.
	 * @return the listener
	 */
	public TokenCache.TokenFetchListener tokenFetchListener() {
		return new TokenCache.TokenFetchListener() {

			@Override
			public void fetched(StoredToken token) {
				tokenFetch("success", "0");
			}

			@Override
			public void failed(RuntimeException failure) {
				tokenFetch("failure", errcode(failure));
			}

		};
	}

	/**
	 * A listener for a {@link DingTalkTransport} that times calls.
	 * @return the listener
	 */
	public DingTalkTransport.ExchangeListener exchangeListener() {
		return this::apiCall;
	}

	/**
	 * A listener for a {@link DingTalkTransport} that counts retries.
	 * @return the listener
	 */
	public DingTalkTransport.RetryListener retryListener() {
		return this::retry;
	}

	/**
	 * A callback for a shared token store that counts fetches made without it.
	 * @return the callback
	 */
	public Runnable storeFallbackListener() {
		return () -> Counter.builder("dingtalk.token.store.fallbacks")
			.description("Token fetches made without the shared store because it was unavailable")
			.register(this.registry)
			.increment();
	}

	private void tokenFetch(String outcome, String errcode) {
		Counter.builder("dingtalk.token.fetches")
			.description("Access token and ticket fetches from DingTalk")
			.tag("outcome", outcome)
			.tag("errcode", errcode)
			.register(this.registry)
			.increment();
	}

	private void apiCall(DingTalkRequest request, @Nullable DingTalkApiException failure, long durationNanos) {
		Timer.builder("dingtalk.api.calls")
			.description("Calls to DingTalk's server API, retries included")
			.tag("api", safePath(request.path()))
			.tag("outcome", (failure != null) ? failure.getKind().name().toLowerCase() : "success")
			.tag("errcode", (failure != null) ? errcode(failure) : "0")
			.register(this.registry)
			.record(durationNanos, TimeUnit.NANOSECONDS);
	}

	private void retry(DingTalkRequest request, DingTalkApiException failure) {
		String reason = failure.isThrottled() ? "throttled" : failure.isUnavailable() ? "unavailable" : "other";
		Counter.builder("dingtalk.api.retries")
			.description("Retries of throttled or failed calls to DingTalk")
			.tag("api", safePath(request.path()))
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	private static String errcode(RuntimeException failure) {
		if (failure instanceof DingTalkApiException apiFailure && apiFailure.getEffectiveCode() != 0) {
			return Integer.toString(apiFailure.getEffectiveCode());
		}
		return "none";
	}

	static String safe(@Nullable String value) {
		return isSafe(value) ? value : "other";
	}

	/**
	 * The path with every segment that is not a plain word (an id, say) replaced by {@code {}}.
	 */
	static String safePath(String path) {
		String[] segments = path.split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			if (!segments[i].isEmpty() && !isSafe(segments[i])) {
				segments[i] = "{}";
			}
		}
		return String.join("/", segments);
	}

	private static boolean isSafe(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_TAG_LENGTH) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '-' || c == '.';
			if (!plain) {
				return false;
			}
		}
		return true;
	}

}
