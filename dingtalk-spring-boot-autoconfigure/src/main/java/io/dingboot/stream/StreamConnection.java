package io.dingboot.stream;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket to the Stream gateway. Assembles text frames up to the size limit (a larger frame
 * is skipped, the connection stays up), hands each complete frame to its owner on the reading
 * thread, and sends responses and pings one after another (the JDK client allows one outstanding
 * send, {@link StreamSends}). Records when a frame or pong last arrived for the
 * keep-alive and the idle watchdog.
 */
final class StreamConnection implements WebSocket.Listener {

	private static final Logger logger = LoggerFactory.getLogger(StreamConnection.class);

	private static final AtomicLong IDS = new AtomicLong();

	private final String id;

	private final String appName;

	private final int maxFrameSize;

	private final Owner owner;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final StringBuilder partial = new StringBuilder();

	private long partialBytes;

	private boolean skipping;

	private volatile WebSocket socket;

	private final StreamSends sends;

	private volatile long lastFrameNanos = System.nanoTime();

	private volatile long lastPingNanos = System.nanoTime();

	private volatile long pingOutstandingSince;

	private volatile boolean retired;

	StreamConnection(String appName, int maxFrameSize, Owner owner) {
		this.id = appName + "#" + IDS.incrementAndGet();
		this.appName = appName;
		this.maxFrameSize = maxFrameSize;
		this.owner = owner;
		this.sends = new StreamSends(this.id);
	}

	String id() {
		return this.id;
	}

	String appName() {
		return this.appName;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		this.socket = webSocket;
		this.lastFrameNanos = System.nanoTime();
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.lastFrameNanos = System.nanoTime();
		if (last && this.partialBytes == 0 && !this.skipping) {
			// a whole frame in one part, as nearly all are: no copy, and no counting while even
			// three bytes a character stay within the limit
			if (data.length() * 3L <= this.maxFrameSize || utf8Length(data) <= this.maxFrameSize) {
				frame(data.toString());
			}
			else {
				skipped();
			}
			webSocket.request(1);
			return null;
		}
		if (!this.skipping) {
			this.partialBytes += utf8Length(data);
			if (this.partialBytes > this.maxFrameSize) {
				this.skipping = true;
				this.partial.setLength(0);
				this.partial.trimToSize();
			}
			else {
				this.partial.append(data);
			}
		}
		if (!this.skipping) {
			if (last) {
				String text = this.partial.toString();
				this.partial.setLength(0);
				this.partialBytes = 0;
				frame(text);
			}
		}
		else {
			if (last) {
				skipped();
				this.skipping = false;
				this.partialBytes = 0;
			}
		}
		webSocket.request(1);
		return null;
	}

	private void skipped() {
		logger.warn("Skipped a Stream frame of app '{}' on {}: larger than dingtalk.stream.max-frame-size ({} bytes)",
				this.appName, this.id, this.maxFrameSize);
		this.owner.onSkipped(this, StreamListener.FrameType.OVERSIZE);
	}

	private void frame(String text) {
		StreamFrame frame;
		try {
			frame = StreamFrame.parse(text);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Skipped a malformed Stream frame of app '{}' on {}: {}", this.appName, this.id,
					ex.getMessage());
			this.owner.onSkipped(this, StreamListener.FrameType.MALFORMED);
			return;
		}
		try {
			this.owner.onFrame(this, frame);
		}
		catch (RuntimeException ex) {
			logger.warn("Handling {} of app '{}' failed", frame, this.appName, ex);
		}
	}

	@Override
	public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
		this.lastFrameNanos = System.nanoTime();
		if (last) {
			logger.warn("Skipped a binary Stream frame of app '{}' on {}", this.appName, this.id);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
		this.pingOutstandingSince = 0;
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		closed("was closed by the gateway (" + statusCode + ")");
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		closed("failed (" + error.getClass().getSimpleName() + ")");
	}

	private void closed(String reason) {
		if (this.closed.compareAndSet(false, true)) {
			WebSocket webSocket = this.socket;
			if (webSocket != null) {
				webSocket.abort();
			}
			this.owner.onClosed(this, reason);
		}
	}

	/**
	 * Send one text frame after those sent before it.
	 */
	void send(String text) {
		enqueue("response", (webSocket) -> webSocket.sendText(text, true), null);
	}

	private void enqueue(String what, Function<WebSocket, CompletableFuture<WebSocket>> operation,
			@Nullable CompletableFuture<Void> done) {
		WebSocket webSocket = this.socket;
		if (webSocket == null || this.closed.get()) {
			logger.debug("Dropped a {} on closed {}", what, this.id);
			if (done != null) {
				done.complete(null);
			}
			return;
		}
		this.sends.send(webSocket, what, operation, done);
	}

	/**
	 * Keep-alive and idle check, called by the shared scheduler.
	 * @return why the connection is dead, or {@code null} while it is fine
	 */
	String check(long now, long keepAliveNanos, long pongTimeoutNanos, long idleTimeoutNanos) {
		if (this.closed.get() || this.socket == null) {
			return null;
		}
		long outstanding = this.pingOutstandingSince;
		if (outstanding != 0 && now - outstanding > pongTimeoutNanos) {
			return "looks dead: no pong within dingtalk.stream.pong-timeout";
		}
		if (now - this.lastFrameNanos > idleTimeoutNanos) {
			return "looks dead: no frame within dingtalk.stream.idle-timeout";
		}
		if (outstanding == 0 && now - this.lastPingNanos >= keepAliveNanos) {
			this.lastPingNanos = now;
			this.pingOutstandingSince = now;
			ping();
		}
		return null;
	}

	private void ping() {
		enqueue("ping", (webSocket) -> webSocket.sendPing(ByteBuffer.wrap(this.id.getBytes())), null);
	}

	boolean isClosed() {
		return this.closed.get();
	}

	boolean isRetired() {
		return this.retired;
	}

	/**
	 * Stop using this connection for anything new (DingTalk said {@code disconnect}); responses
	 * to frames it carried are still sent on it.
	 */
	void retire() {
		this.retired = true;
	}

	/**
	 * Close with a normal close frame; abort if the gateway does not answer.
	 */
	CompletableFuture<?> close() {
		CompletableFuture<Void> done = new CompletableFuture<>();
		enqueue("close", (webSocket) -> webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"), done);
		return done;
	}

	/**
	 * Drop the connection at once (a dead connection), telling the owner.
	 */
	void abort(String reason) {
		closed(reason);
	}

	/**
	 * Drop the connection at once without telling the owner (shutdown).
	 */
	void abortQuietly() {
		if (this.closed.compareAndSet(false, true)) {
			WebSocket webSocket = this.socket;
			if (webSocket != null) {
				webSocket.abort();
			}
		}
	}

	private static long utf8Length(CharSequence text) {
		long length = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				length++;
			}
			else if (c < 0x800 || Character.isSurrogate(c)) {
				length += 2;
			}
			else {
				length += 3;
			}
		}
		return length;
	}

	@Override
	public String toString() {
		return "StreamConnection{" + this.id + "}";
	}

	/**
	 * Told the frames and the end of a connection.
	 */
	interface Owner {

		void onFrame(StreamConnection connection, StreamFrame frame);

		void onClosed(StreamConnection connection, String reason);

		/**
		 * A frame was skipped: too large or malformed.
		 */
		default void onSkipped(StreamConnection connection, StreamListener.FrameType type) {
		}

	}

}
