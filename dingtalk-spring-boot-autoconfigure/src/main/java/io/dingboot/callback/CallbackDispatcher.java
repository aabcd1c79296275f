package io.dingboot.callback;

import java.time.Duration;
import java.util.List;

import io.dingboot.callback.CallbackDeduplicator.Claim;
import io.dingboot.callback.CallbackOutcome.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;
import tools.jackson.databind.JsonNode;

/**
 * Publishes verified, decrypted events as {@link DingTalkEvent}s, each at most once within the
 * dedupe window: the push is claimed, published, and remembered only when every listener
 * returned; when a listener throws, the claim is released so that DingTalk's re-push is delivered.
 * The callback endpoint and the replay of failed pushes both go through here.
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
	 * Publish one event unless it was delivered already.
	 * @param payload the decrypted event JSON: an object with an {@code EventType}
	 * @param ownerKey the owner key the event was encrypted for, if known
	 * @param pushKey identifies the push when the event has no {@code eventId} (such as its
	 * signature, timestamp and nonce)
	 * @return what happened: {@link Status#DELIVERED}, {@link Status#URL_CHECK},
	 * {@link Status#DUPLICATE}, {@link Status#IN_PROGRESS} or {@link Status#LISTENER_FAILED}
	 * @throws IllegalArgumentException when {@code payload} is not an event
	 */
	public Status dispatch(JsonNode payload, @Nullable String ownerKey, String pushKey) {
		String type = CallbackEvents.eventType(payload);
		Assert.isTrue(payload.isObject() && type != null, "'payload' must be a JSON object with an EventType");
		if (CallbackEvents.isUrlCheck(type)) {
			return report(Status.URL_CHECK, type);
		}
		DingTalkEvent event = CallbackEvents.create(this, payload, ownerKey);
		String key = dedupeKey(event, pushKey);
		Claim claim = this.deduplicator.claim(key, CLAIM_TIMEOUT);
		if (claim == Claim.DONE) {
			logger.debug("Acknowledging re-push of {} without delivering it again", event);
			return report(Status.DUPLICATE, type);
		}
		if (claim == Claim.IN_PROGRESS) {
			logger.debug("{} is being delivered by another request; answering non-success", event);
			return report(Status.IN_PROGRESS, type);
		}
		try {
			if (logger.isDebugEnabled()) {
				logger.debug("Publishing {}: {}", event, payload);
			}
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			this.deduplicator.release(key);
			logger.warn("A listener of {} failed; DingTalk will push it again", event, ex);
			return report(Status.LISTENER_FAILED, type);
		}
		this.deduplicator.complete(key, this.window);
		return report(Status.DELIVERED, type);
	}

	/**
	 * Tell the observers that a push was refused.
	 * @param rejection why
	 * @param eventType the event type, when known
	 */
	public void rejected(CallbackRejection rejection, @Nullable String eventType) {
		notify(new CallbackOutcome(Status.REJECTED, eventType, rejection));
	}

	private static String dedupeKey(DingTalkEvent event, String pushKey) {
		if (event.getEventId() != null) {
			return "event:" + ((event.getCorpId() != null) ? event.getCorpId() : "") + ":" + event.getEventId();
		}
		return "push:" + pushKey;
	}

	private Status report(Status status, String type) {
		notify(new CallbackOutcome(status, type, null));
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
