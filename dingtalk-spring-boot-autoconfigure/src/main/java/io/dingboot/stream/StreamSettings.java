package io.dingboot.stream;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * Settings of the Stream client, shared by every app's connection.
 *
 * @param maxFrameSize largest accepted frame in bytes; larger frames are logged and skipped
 * @param connectTimeout timeout of the connections/open call and of the WebSocket handshake
 * @param initialBackoff wait before the first reconnect; doubled per attempt, with jitter
 * @param maxBackoff longest wait between two reconnect attempts
 * @param stableAfter how long a connection must stay up before the backoff starts again
 * @param authFailureBackoff wait between attempts while the credentials are refused
 * @param keepAlive interval of WebSocket pings
 * @param pongTimeout how long to wait for a pong before the connection is replaced
 * @param idleTimeout how long a connection may go without a frame before it is replaced
 * @param handlerThreads threads that run listeners
 * @param handlerQueueCapacity frames that may wait for a listener thread
 * @param dedupeWindow how long a handled robot message or event is remembered
 */
public record StreamSettings(int maxFrameSize, Duration connectTimeout, Duration initialBackoff, Duration maxBackoff,
		Duration stableAfter, Duration authFailureBackoff, Duration keepAlive, Duration pongTimeout,
		Duration idleTimeout, int handlerThreads, int handlerQueueCapacity, Duration dedupeWindow) {

	public StreamSettings {
		Assert.isTrue(maxFrameSize > 0, "'maxFrameSize' must be positive");
		positive(connectTimeout, "connectTimeout");
		positive(initialBackoff, "initialBackoff");
		positive(maxBackoff, "maxBackoff");
		positive(stableAfter, "stableAfter");
		positive(authFailureBackoff, "authFailureBackoff");
		positive(keepAlive, "keepAlive");
		positive(pongTimeout, "pongTimeout");
		positive(idleTimeout, "idleTimeout");
		positive(dedupeWindow, "dedupeWindow");
		Assert.isTrue(handlerThreads > 0, "'handlerThreads' must be positive");
		Assert.isTrue(handlerQueueCapacity > 0, "'handlerQueueCapacity' must be positive");
	}

	private static void positive(Duration value, String name) {
		Assert.isTrue(value != null && !value.isNegative() && !value.isZero(), "'" + name + "' must be positive");
	}

}
