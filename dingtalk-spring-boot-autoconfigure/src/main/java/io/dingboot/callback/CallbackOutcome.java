package io.dingboot.callback;

import io.dingboot.apps.DingTalkApps;
import org.jspecify.annotations.Nullable;

/**
 * What became of one push (or one replayed failed push), as told to {@link CallbackObserver}s.
 *
 * @param appName the name of the app the push came to ({@code default} for the top-level app), or
 * {@code null} when it was posted for an app the application does not have
 * @param status what happened
 * @param eventType the event type, when the push got as far as being decrypted
 * @param rejection why it was refused, when {@code status} is {@link Status#REJECTED}
 */
public record CallbackOutcome(@Nullable String appName, Status status, @Nullable String eventType,
		@Nullable CallbackRejection rejection) {

	/**
	 * The outcome of a push to the app named {@code default}.
	 * @param status what happened
	 * @param eventType the event type, when the push got as far as being decrypted
	 * @param rejection why it was refused, when {@code status} is {@link Status#REJECTED}
	 */
	public CallbackOutcome(Status status, @Nullable String eventType, @Nullable CallbackRejection rejection) {
		this(DingTalkApps.DEFAULT, status, eventType, rejection);
	}

	/**
	 * What happened to a push.
	 */
	public enum Status {

		/** Published, and every listener returned normally. */
		DELIVERED,

		/** A URL-verification push ({@code check_url}), answered without publishing. */
		URL_CHECK,

		/** A re-push of an event delivered already: acknowledged, not published again. */
		DUPLICATE,

		/** The same push is being delivered by another request now: answered non-success. */
		IN_PROGRESS,

		/** A listener threw: answered non-success so that DingTalk pushes it again. */
		LISTENER_FAILED,

		/** Refused with a 4xx answer; nothing published. */
		REJECTED

	}

}
