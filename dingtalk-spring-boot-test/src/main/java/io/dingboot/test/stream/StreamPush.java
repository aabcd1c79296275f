package io.dingboot.test.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A frame the gateway pushes, until a client answers it for good: every delivery, every ack, and
 * waits for them. An unanswered delivery, a {@code LATER} ack or an error code makes the gateway
 * deliver the frame again after the redelivery delay.
 */
public final class StreamPush {

	private final String clientId;

	private final String type;

	private final String topic;

	private final String data;

	private final Map<String, String> headers;

	private final List<StreamAck> acks = new CopyOnWriteArrayList<>();

	private final List<String> messageIds = new CopyOnWriteArrayList<>();

	private final List<String> connectionIds = new CopyOnWriteArrayList<>();

	private final AtomicInteger deliveries = new AtomicInteger();

	private final CompletableFuture<StreamAck> firstAck = new CompletableFuture<>();

	private final CompletableFuture<StreamAck> completion = new CompletableFuture<>();

	StreamPush(String clientId, String type, String topic, String data, Map<String, String> headers) {
		this.headers = Map.copyOf(headers);
		this.clientId = clientId;
		this.type = type;
		this.topic = topic;
		this.data = data;
	}

	/**
	 * The app (clientId) the frame is for.
	 * @return the client id
	 */
	public String clientId() {
		return this.clientId;
	}

	/**
	 * The frame type.
	 * @return {@code EVENT} or {@code CALLBACK}
	 */
	public String type() {
		return this.type;
	}

	/**
	 * The frame's topic.
	 * @return the topic
	 */
	public String topic() {
		return this.topic;
	}

	/**
	 * The frame's data string.
	 * @return the data
	 */
	public String data() {
		return this.data;
	}

	Map<String, String> headers() {
		return this.headers;
	}

	/**
	 * The messageId of the first delivery.
	 * @return the message id, or {@code null} before the first delivery
	 */
	public String messageId() {
		return this.messageIds.isEmpty() ? null : this.messageIds.get(0);
	}

	/**
	 * The messageIds of every delivery (equal unless the gateway gives redeliveries new ids).
	 * @return the message ids
	 */
	public List<String> messageIds() {
		return List.copyOf(this.messageIds);
	}

	/**
	 * How often the frame was written to a connection.
	 * @return the number of deliveries
	 */
	public int deliveries() {
		return this.deliveries.get();
	}

	/**
	 * The gateway ids of the connections the frame was written to, in order.
	 * @return the connection ids
	 */
	public List<String> connectionIds() {
		return List.copyOf(this.connectionIds);
	}

	/**
	 * Every ack received for this frame, in order.
	 * @return the acks
	 */
	public List<StreamAck> acks() {
		return List.copyOf(this.acks);
	}

	/**
	 * Wait for the first ack, whatever it says.
	 * @param timeout how long to wait
	 * @return the ack
	 * @throws AssertionError when none arrives in time
	 */
	public StreamAck awaitAck(Duration timeout) {
		return await(this.firstAck, timeout, "an ack");
	}

	/**
	 * Wait for the ack that ends the push (code 200 and not {@code LATER}).
	 * @param timeout how long to wait
	 * @return the ack
	 * @throws AssertionError when none arrives in time
	 */
	public StreamAck awaitCompletion(Duration timeout) {
		return await(this.completion, timeout, "a final ack");
	}

	/**
	 * Whether the push has been answered for good.
	 * @return whether it is complete
	 */
	public boolean isComplete() {
		return this.completion.isDone();
	}

	private StreamAck await(CompletableFuture<StreamAck> future, Duration timeout, String what) {
		try {
			return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No " + what + " for " + this + " within " + timeout + "; acks so far: "
					+ this.acks);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new AssertionError(ex.getCause());
		}
	}

	void delivered(String messageId, String connectionId) {
		if (!this.messageIds.contains(messageId)) {
			this.messageIds.add(messageId);
		}
		this.connectionIds.add(connectionId);
		this.deliveries.incrementAndGet();
	}

	void acked(StreamAck ack) {
		this.acks.add(ack);
		this.firstAck.complete(ack);
		if (!ack.isRetry()) {
			this.completion.complete(ack);
		}
	}

	@Override
	public String toString() {
		return "StreamPush{clientId=" + this.clientId + ", type=" + this.type + ", topic=" + this.topic
				+ ", messageIds=" + this.messageIds + ", deliveries=" + this.deliveries + "}";
	}

}
