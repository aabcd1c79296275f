package io.dingboot.stream;

import java.time.Duration;

/**
 * Told what the Stream client does, for meters and health: every bean of this type is told by the
 * {@link DingTalkStreamClient}. Methods are called on the client's threads (the reading thread of a
 * connection, the scheduler, a handler) and must return quickly and not throw. Arguments carry the
 * app's name and values from fixed sets only: never an app key, a secret, a ticket or a URL.
 */
public interface StreamListener {

	/**
	 * A connection of the app is open.
	 * @param app the app's name
	 */
	default void connectionOpened(String app) {
	}

	/**
	 * The app's current connection closed.
	 * @param app the app's name
	 * @param reason why
	 */
	default void connectionClosed(String app, CloseReason reason) {
	}

	/**
	 * Opening a connection failed for another reason than refused credentials.
	 * @param app the app's name
	 * @param error the simple class name of the failure, e.g. {@code ConnectException}, or
	 * {@code OpenConnectionException} when {@code connections/open} answered an error
	 */
	default void connectFailed(String app, String error) {
	}

	/**
	 * DingTalk refused the app's credentials ({@code authFailed}).
	 * @param app the app's name
	 * @param property the property to fix, e.g. {@code dingtalk.app-secret}
	 */
	default void authFailed(String app, String property) {
	}

	/**
	 * A new connection of the app will be opened after {@code delay}.
	 * @param app the app's name
	 * @param delay the delay
	 */
	default void reconnectScheduled(String app, Duration delay) {
	}

	/**
	 * A frame of the app arrived (counted before it is handled).
	 * @param app the app's name
	 * @param type its type
	 */
	default void frameReceived(String app, FrameType type) {
	}

	/**
	 * An answer to an event, robot message or card callback was sent.
	 * @param app the app's name
	 * @param status its status
	 */
	default void ackSent(String app, AckStatus status) {
	}

	/**
	 * A handler started on the bounded executor.
	 * @param app the app's name
	 * @param lag the time from the frame's arrival to the handler's start
	 */
	default void handlerLag(String app, Duration lag) {
	}

	/**
	 * Why a connection closed.
	 */
	enum CloseReason {

		/** It dropped: closed by the gateway, failed, or found dead by the keep-alive. */
		DROPPED,

		/** DingTalk asked to replace it ({@code disconnect}) and it closed after that. */
		REPLACED,

		/** The application stopped. */
		STOPPED

	}

	/**
	 * The type of a frame.
	 */
	enum FrameType {

		/** An event ({@code EVENT} frame). */
		EVENT,

		/** A robot message. */
		ROBOT,

		/** A card callback. */
		CARD,

		/** A {@code SYSTEM} frame ({@code ping}, {@code disconnect}). */
		SYSTEM,

		/** A {@code CALLBACK} of another topic, or a frame of an unknown type. */
		OTHER,

		/** A frame that is not valid JSON of a Stream frame (skipped). */
		MALFORMED,

		/** A frame larger than {@code dingtalk.stream.max-frame-size} (skipped). */
		OVERSIZE

	}

	/**
	 * The status of an answer.
	 */
	enum AckStatus {

		/** Handled (an event's {@code SUCCESS}, a robot message taken, a card callback answered). */
		SUCCESS,

		/** An event whose listener threw: DingTalk delivers it again. */
		LATER,

		/** Refused as bad or unknown (HTTP-like code 400, 404 or 500 in the answer). */
		REJECTED

	}

}
