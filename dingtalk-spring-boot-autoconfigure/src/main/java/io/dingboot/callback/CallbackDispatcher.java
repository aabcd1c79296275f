package io.dingboot.callback;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dingboot.apps.DingTalkApps;
import io.dingboot.callback.CallbackDeduplicator.Claim;
import io.dingboot.callback.CallbackOutcome.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes verified, decrypted events as {@link DingTalkEvent}s, each at most once within the
 * dedupe window: the push is claimed, published, and remembered only when every listener
 * returned; when a listener throws, the claim is released so that DingTalk's re-push is delivered.
 * Every event carries the name of its app ({@link DingTalkEvent#appName()}), and deduplication
 * is per app. The callback endpoint, the replay of failed pushes and any other transport (such as
 * Stream mode, through {@link #dispatch(String, String, String, Map)}) go through here.
 */
public final class CallbackDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(CallbackDispatcher.class);

	private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(1);

	private final ApplicationEventPublisher publisher;

	private final CallbackDeduplicator deduplicator;

	private final Duration window;

	private final List<CallbackObserver> observers;

	/**
	 * Create a dispatcher.
	 * @param publisher where events are published
	 * @param deduplicator remembers handled pushes
	 * @param window how long a handled push is remembered
	 * @param observers told every outcome
	 */
	public CallbackDispatcher(ApplicationEventPublisher publisher, CallbackDeduplicator deduplicator, Duration window,
			List<CallbackObserver> observers) {
		Assert.notNull(publisher, "'publisher' must not be null");
		Assert.notNull(deduplicator, "'deduplicator' must not be null");
		Assert.isTrue(window != null && !window.isNegative() && !window.isZero(), "'window' must be positive");
		this.publisher = publisher;
		this.deduplicator = deduplicator;
		this.window = window;
		this.observers = List.copyOf(observers);
	}

	/**
	 * Publish one event of the app named {@code default} unless it was delivered already.
	 * @param payload the decrypted event JSON: an object with an {@code EventType}
	 * @param ownerKey the owner key the event was encrypted for, if known
	 * @param pushKey identifies the push when the event has no {@code eventId} (such as its
	 * signature, timestamp and nonce)
	 * @return what happened: {@link Status#DELIVERED}, {@link Status#URL_CHECK},
	 * {@link Status#DUPLICATE}, {@link Status#IN_PROGRESS} or {@link Status#LISTENER_FAILED}
	 * @throws IllegalArgumentException when {@code payload} is not an event
	 */
	public Status dispatch(JsonNode payload, @Nullable String ownerKey, String pushKey) {
		return dispatch(DingTalkApps.DEFAULT, payload, ownerKey, pushKey);
	}

	/**
	 * Publish one event of the app named {@code appName}, read from an HTTP push's decrypted JSON,
	 * unless it was delivered to that app already.
	 * @param appName the name of the app the push came to
	 * @param payload the decrypted event JSON: an object with an {@code EventType}
	 * @param ownerKey the owner key the event was encrypted for, if known
	 * @param pushKey identifies the push when the event has no {@code eventId} (such as its
	 * signature, timestamp and nonce)
	 * @return what happened: {@link Status#DELIVERED}, {@link Status#URL_CHECK},
	 * {@link Status#DUPLICATE}, {@link Status#IN_PROGRESS} or {@link Status#LISTENER_FAILED}
	 * @throws IllegalArgumentException when {@code payload} is not an event
	 */
	public Status dispatch(String appName, JsonNode payload, @Nullable String ownerKey, String pushKey) {
		String type = CallbackEvents.eventType(payload);
		Assert.isTrue(payload.isObject() && type != null, "'payload' must be a JSON object with an EventType");
		return dispatch(EventHeaders.of(appName, payload, ownerKey), payload, pushKey);
	}

	/**
	 * Publish one event that a transport other than the HTTP push brought (such as Stream mode,
	 * whose payload is camelCase and whose type and id travel in headers), unless it was delivered
	 * to that app already. The corp id and event time are read from the payload when it has them
	 * ({@code corpId} or {@code eventCorpId}; {@code eventTime}, {@code timeStamp} or
	 * {@code eventBornTime}).
	 * @param appName the name of the app the event came to
	 * @param eventType the event type, e.g. {@code user_add_org}
	 * @param eventId DingTalk's id of the event, the key of deduplication; {@code null} when it
	 * has none, and then the event is delivered every time it arrives
	 * @param payload the event's fields
	 * @return what happened: {@link Status#DELIVERED}, {@link Status#URL_CHECK},
	 * {@link Status#DUPLICATE}, {@link Status#IN_PROGRESS} or {@link Status#LISTENER_FAILED}
	 */
	public Status dispatch(String appName, String eventType, @Nullable String eventId, Map<String, ?> payload) {
		Assert.notNull(payload, "'payload' must not be null");
		JsonNode json = JsonMapper.shared().valueToTree(payload);
		return dispatch(EventHeaders.of(appName, eventType, eventId, json), json, null);
	}

	/**
	 * Publish one event unless it was delivered to its app already: the entry point of every
	 * transport.
	 * @param headers the app, type, id, organisation and time of the event
	 * @param payload the event's JSON object
	 * @param pushKey identifies the push when the event has no id; when both are {@code null} the
	 * event is delivered without deduplication
	 * @return what happened
	 */
	public Status dispatch(EventHeaders headers, JsonNode payload, @Nullable String pushKey) {
		Assert.notNull(headers, "'headers' must not be null");
		String app = headers.appName();
		String type = headers.eventType();
		if (CallbackEvents.isUrlCheck(type)) {
			return report(app, Status.URL_CHECK, type);
		}
		DingTalkEvent event = CallbackEvents.create(this, headers, payload);
		String key = dedupeKey(event, pushKey);
		if (key == null) {
			return publish(event, payload, null);
		}
		Claim claim = this.deduplicator.claim(key, CLAIM_TIMEOUT);
		if (claim == Claim.DONE) {
			logger.debug("Acknowledging re-push of {} without delivering it again", event);
			return report(app, Status.DUPLICATE, type);
		}
		if (claim == Claim.IN_PROGRESS) {
			logger.debug("{} is being delivered by another request; answering non-success", event);
			return report(app, Status.IN_PROGRESS, type);
		}
		return publish(event, payload, key);
	}

	private Status publish(DingTalkEvent event, JsonNode payload, @Nullable String key) {
		try {
			if (logger.isDebugEnabled()) {
				logger.debug("Publishing {}: {}", event, payload);
			}
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			if (key != null) {
				this.deduplicator.release(key);
			}
			logger.warn("A listener of {} failed; DingTalk will push it again", event, ex);
			return report(event.appName(), Status.LISTENER_FAILED, event.getEventType());
		}
		if (key != null) {
			this.deduplicator.complete(key, this.window);
		}
		return report(event.appName(), Status.DELIVERED, event.getEventType());
	}

	/**
	 * Tell the observers that a push to the app named {@code default} was refused.
	 * @param rejection why
	 * @param eventType the event type, when known
	 */
	public void rejected(CallbackRejection rejection, @Nullable String eventType) {
		rejected(DingTalkApps.DEFAULT, rejection, eventType);
	}

	/**
	 * Tell the observers that a push was refused.
	 * @param appName the name of the app the push was posted for, or {@code null} when the
	 * application has no such app
	 * @param rejection why
	 * @param eventType the event type, when known
	 */
	public void rejected(@Nullable String appName, CallbackRejection rejection, @Nullable String eventType) {
		notify(new CallbackOutcome(appName, Status.REJECTED, eventType, rejection));
	}

	/**
	 * The key a push is remembered by: its app, then the event id (with the corp id) or the push's
	 * own key. Two apps may see the same event id, and each delivers it once.
	 */
	static @Nullable String dedupeKey(DingTalkEvent event, @Nullable String pushKey) {
		String app = event.appName() + ":";
		if (event.getEventId() != null) {
			return app + "event:" + ((event.getCorpId() != null) ? event.getCorpId() : "") + ":" + event.getEventId();
		}
		return (pushKey != null) ? app + "push:" + pushKey : null;
	}

	private Status report(String appName, Status status, String type) {
		notify(new CallbackOutcome(appName, status, type, null));
		return status;
	}

	private void notify(CallbackOutcome outcome) {
		for (CallbackObserver observer : this.observers) {
			try {
				observer.onCallback(outcome);
			}
			catch (RuntimeException ex) {
				logger.warn("CallbackObserver {} failed", observer.getClass().getName(), ex);
			}
		}
	}

}
