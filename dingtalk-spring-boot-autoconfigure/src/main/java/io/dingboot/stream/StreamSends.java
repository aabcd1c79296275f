package io.dingboot.stream;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sends of one connection, one at a time as the JDK WebSocket requires, without a lock:
 * whoever finds nothing in flight sends, later sends queue behind it, and the completion of a send
 * that did not complete at once starts the next. A failed send is logged and the next one goes on.
 */
final class StreamSends {

	private static final Logger logger = LoggerFactory.getLogger(StreamSends.class);

	private final String connectionId;

	private final ConcurrentLinkedQueue<Outgoing> queue = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean sending = new AtomicBoolean();

	StreamSends(String connectionId) {
		this.connectionId = connectionId;
	}

	/**
	 * Send after everything sent before.
	 * @param webSocket the socket
	 * @param what what is sent, for the log
	 * @param operation the send
	 * @param done completed when the send is over, however it ended, or {@code null}
	 */
	void send(WebSocket webSocket, String what, Function<WebSocket, CompletableFuture<WebSocket>> operation,
			@Nullable CompletableFuture<Void> done) {
		this.queue.add(new Outgoing(webSocket, what, operation, done));
		drain();
	}

	private void drain() {
		while (!this.queue.isEmpty() && this.sending.compareAndSet(false, true)) {
			Outgoing next;
			while ((next = this.queue.poll()) != null) {
				CompletableFuture<?> sent = next.start(this.connectionId);
				if (!sent.isDone()) {
					sent.whenComplete((result, ex) -> {
						this.sending.set(false);
						drain();
					});
					return;
				}
			}
			this.sending.set(false);
		}
	}

	private record Outgoing(WebSocket webSocket, String what,
			Function<WebSocket, CompletableFuture<WebSocket>> operation, @Nullable CompletableFuture<Void> done) {

		CompletableFuture<?> start(String connectionId) {
			CompletableFuture<?> sent;
			try {
				sent = this.operation.apply(this.webSocket);
			}
			catch (RuntimeException ex) {
				sent = CompletableFuture.failedFuture(ex);
			}
			if (sent.isDone() && !sent.isCompletedExceptionally() && this.done == null) {
				return sent;
			}
			return sent.whenComplete((result, ex) -> {
				if (ex != null) {
					logger.debug("Sending a {} on {} failed: {}", this.what, connectionId, ex.getClass().getSimpleName());
				}
				if (this.done != null) {
					this.done.complete(null);
				}
			});
		}

	}

}
