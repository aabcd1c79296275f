package io.dingboot.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.stream.StreamListener;
import io.dingboot.token.StoredToken;
import io.dingboot.token.TokenCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * DingBoot's Micrometer meters. Tags carry the app's name, API path templates, outcomes, error
 * codes and event types only: never an app key, a secret, a token, an auth code or a user id.
 * Every meter of an app's calls has the tag {@code app}: the app's name ({@code default} for the
 * top-level {@code dingtalk.*} app, {@code <name>} for {@code dingtalk.apps.<name>} and apps
 * registered at runtime), so that the number of tag values is bounded by the number of apps.
 * <ul>
 * <li>{@code dingtalk.token.fetches} (counter; {@code app}, {@code outcome}=success|failure,
 * {@code errcode})</li>
 * <li>{@code dingtalk.api.calls} (timer, retries included; {@code app}, {@code api},
 * {@code outcome}=success or the failure kind, {@code errcode})</li>
 * <li>{@code dingtalk.api.retries} (counter; {@code app}, {@code api},
 * {@code reason}=throttled|unavailable|other)</li>
 * <li>{@code dingtalk.callback.events} (counter; {@code app}, {@code type}, {@code outcome})</li>
 * <li>{@code dingtalk.login.attempts} (counter; {@code app}, {@code outcome})</li>
 * <li>{@code dingtalk.token.store.fallbacks} (counter: token fetches made without Redis because it
 * was unavailable)</li>
 * <li>{@code dingtalk.stream.frames} (counter; {@code app}, {@code type}=event|robot|card|system|other|
 * malformed|oversize)</li>
 * <li>{@code dingtalk.stream.acks} (counter; {@code app}, {@code status}=SUCCESS|LATER|REJECTED)</li>
 * <li>{@code dingtalk.stream.reconnects} (counter; {@code app}: reconnects scheduled after a drop, a
 * failed attempt or refused credentials)</li>
 * <li>{@code dingtalk.stream.connections} (gauge; {@code app}: 1 while connected, 0 otherwise)</li>
 * <li>{@code dingtalk.stream.handler.lag} (timer; {@code app}: from a frame's arrival to its
 * handler's start on the bounded executor)</li>
 * </ul>
 */
public final class DingTalkMeters {

	/** Value of the {@code app} tag for the top-level {@code dingtalk.*} app. */
	public static final String DEFAULT_APP = "default";

	/** Value of the {@code app} tag when a token's app is not (or no longer) registered. */
	public static final String UNKNOWN_APP = "unknown";

	private static final int MAX_TAG_LENGTH = 64;

	/** Timers kept in {@link #successfulCalls}; beyond them, a call's timer is looked up as it ends. */
	private static final int MAX_KEPT_TIMERS = 4096;

	private final MeterRegistry registry;

	private final Function<String, @Nullable String> appOfTokenKey;

	private final ConcurrentMap<String, AtomicInteger> streamConnections = new ConcurrentHashMap<>();

	/** Successful calls' timers by app and path, so that a call looks nothing up in the registry. */
	private final ConcurrentMap<CallKey, Timer> successfulCalls = new ConcurrentHashMap<>();

	/**
	 * Create the meters of an application with the one app {@value #DEFAULT_APP}: every token
	 * fetch is counted as that app's.
	 * @param registry the registry
	 */
	public DingTalkMeters(MeterRegistry registry) {
		this(registry, (tokenKey) -> DEFAULT_APP);
	}

	/**
	 * Create the meters.
	 * @param registry the registry
	 * @param appOfTokenKey the name of the app whose token key (such as
	 * {@code access_token:<appKey>}) is given, or {@code null} when no app has it; asked on
	 * token fetches only, never on calls
	 */
	public DingTalkMeters(MeterRegistry registry, Function<String, @Nullable String> appOfTokenKey) {
		this.registry = registry;
		this.appOfTokenKey = appOfTokenKey;
	}

	/**
	 * Count a callback event.
	 * @param app the name of the app it was sent to
	 * @param type the event type, e.g. {@code user_add_org}
	 * @param outcome what became of it, e.g. {@code delivered}, {@code duplicate}, {@code rejected}
	 */
	public void callbackEvent(String app, String type, String outcome) {
		Counter.builder("dingtalk.callback.events")
			.description("Callback events received from DingTalk")
			.tag("app", safe(app))
			.tag("type", safe(type))
			.tag("outcome", safe(outcome))
			.register(this.registry)
			.increment();
	}

	/**
	 * Count a free-login attempt.
	 * @param app the name of the app the user logged in to
	 * @param outcome what became of it, e.g. {@code success}, {@code invalid_code}, {@code error}
	 */
	public void loginAttempt(String app, String outcome) {
		Counter.builder("dingtalk.login.attempts")
			.description("Free-login attempts")
			.tag("app", safe(app))
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
			public void fetched(String key, StoredToken token) {
				tokenFetch(appOf(key), "success", "0");
			}

			@Override
			public void failed(String key, RuntimeException failure) {
				tokenFetch(appOf(key), "failure", errcode(failure));
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

	/**
	 * A listener for the Stream client that counts frames, answers and reconnects, shows whether
	 * each app is connected and times the handler lag.
	 * @return the listener
	 */
	public StreamListener streamListener() {
		return new StreamListener() {

			@Override
			public void connectionOpened(String app) {
				streamConnection(app).set(1);
			}

			@Override
			public void connectionClosed(String app, CloseReason reason) {
				streamConnection(app).set(0);
			}

			@Override
			public void reconnectScheduled(String app, Duration delay) {
				Counter.builder("dingtalk.stream.reconnects")
					.description("Stream reconnects scheduled after a drop, a failed attempt or refused credentials")
					.tag("app", safe(app))
					.register(DingTalkMeters.this.registry)
					.increment();
			}

			@Override
			public void frameReceived(String app, FrameType type) {
				Counter.builder("dingtalk.stream.frames")
					.description("Stream frames received from DingTalk")
					.tag("app", safe(app))
					.tag("type", type.name().toLowerCase(Locale.ROOT))
					.register(DingTalkMeters.this.registry)
					.increment();
			}

			@Override
			public void ackSent(String app, AckStatus status) {
				Counter.builder("dingtalk.stream.acks")
					.description("Answers sent to Stream events, robot messages and card callbacks")
					.tag("app", safe(app))
					.tag("status", status.name())
					.register(DingTalkMeters.this.registry)
					.increment();
			}

			@Override
			public void handlerLag(String app, Duration lag) {
				Timer.builder("dingtalk.stream.handler.lag")
					.description("Time from a Stream frame's arrival to its handler's start")
					.tag("app", safe(app))
					.register(DingTalkMeters.this.registry)
					.record(lag);
			}

		};
	}

	private AtomicInteger streamConnection(String app) {
		return this.streamConnections.computeIfAbsent(safe(app), (name) -> {
			AtomicInteger state = new AtomicInteger();
			Gauge.builder("dingtalk.stream.connections", state, AtomicInteger::get)
				.description("Whether the app's Stream connection is up (1) or down (0)")
				.tag("app", name)
				.register(this.registry);
			return state;
		});
	}

	private String appOf(String tokenKey) {
		String app = this.appOfTokenKey.apply(tokenKey);
		return (app != null) ? app : UNKNOWN_APP;
	}

	private void tokenFetch(String app, String outcome, String errcode) {
		Counter.builder("dingtalk.token.fetches")
			.description("Access token and ticket fetches from DingTalk")
			.tag("app", safe(app))
			.tag("outcome", outcome)
			.tag("errcode", errcode)
			.register(this.registry)
			.increment();
	}

	private void apiCall(String app, DingTalkRequest request, @Nullable DingTalkApiException failure,
			long durationNanos) {
		if (failure == null) {
			CallKey key = new CallKey(app, request.path());
			Timer timer = this.successfulCalls.get(key);
			if (timer == null) {
				timer = apiCallTimer(app, request, null);
				if (this.successfulCalls.size() < MAX_KEPT_TIMERS) {
					this.successfulCalls.putIfAbsent(key, timer);
				}
			}
			timer.record(durationNanos, TimeUnit.NANOSECONDS);
			return;
		}
		apiCallTimer(app, request, failure).record(durationNanos, TimeUnit.NANOSECONDS);
	}

	private Timer apiCallTimer(String app, DingTalkRequest request, @Nullable DingTalkApiException failure) {
		return Timer.builder("dingtalk.api.calls")
			.description("Calls to DingTalk's server API, retries included")
			.tag("app", safe(app))
			.tag("api", safePath(request.path()))
			.tag("outcome", (failure != null) ? failure.getKind().name().toLowerCase() : "success")
			.tag("errcode", (failure != null) ? errcode(failure) : "0")
			.register(this.registry);
	}

	private void retry(String app, DingTalkRequest request, DingTalkApiException failure) {
		String reason = failure.isThrottled() ? "throttled" : failure.isUnavailable() ? "unavailable" : "other";
		Counter.builder("dingtalk.api.retries")
			.description("Retries of throttled or failed calls to DingTalk")
			.tag("app", safe(app))
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

	/**
	 * The app and path of a call: what its timer's tags are made of when it succeeded.
	 */
	private record CallKey(String app, String path) {
	}

}
