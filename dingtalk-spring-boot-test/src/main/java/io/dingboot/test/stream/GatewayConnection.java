package io.dingboot.test.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/**
 * One client connection of the {@link FakeStreamGateway}, with the faults a test can inject on
 * it.
 */
public final class GatewayConnection {

	private final FakeStreamGateway gateway;

	private final String id;

	private final String clientId;

	private final Set<StreamSubscription> subscriptions;

	private final Session session;

	private volatile boolean disconnecting;

	private volatile boolean halfOpen;

	private volatile boolean closed;

	GatewayConnection(FakeStreamGateway gateway, String id, String clientId, Set<StreamSubscription> subscriptions,
			Session session) {
		this.gateway = gateway;
		this.id = id;
		this.clientId = clientId;
		this.subscriptions = Set.copyOf(subscriptions);
		this.session = session;
	}

	/**
	 * The gateway's id of this connection (sent as {@code connectionId} header).
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The app (clientId) that opened it.
	 * @return the client id
	 */
	public String clientId() {
		return this.clientId;
	}

	/**
	 * What the ticket of this connection subscribed to.
	 * @return the subscriptions
	 */
	public Set<StreamSubscription> subscriptions() {
		return this.subscriptions;
	}

	/**
	 * Whether the connection is open.
	 * @return whether it is open
	 */
	public boolean isOpen() {
		return !this.closed && this.session.isOpen();
	}

	/**
	 * Whether pushes may go to this connection: open, not told to disconnect, not half-open.
	 * @return whether it takes pushes
	 */
	boolean takesPushes() {
		return isOpen() && !this.disconnecting;
	}

	boolean isHalfOpen() {
		return this.halfOpen;
	}

	boolean subscribed(String type, String topic) {
		return this.subscriptions.stream()
			.anyMatch((s) -> s.type().equals(type) && ("EVENT".equals(type) || s.topic().equals(topic)));
	}

	/**
	 * Send the SYSTEM {@code disconnect} frame, push nothing more to this connection, and close it
	 * after the gateway's disconnect grace (10 s unless configured).
	 */
	public void disconnect() {
		this.gateway.disconnect(this);
	}

	/**
	 * Close the connection at once, without a disconnect frame.
	 */
	public void drop() {
		markClosed();
		try {
			this.session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "dropped"));
		}
		catch (IOException | RuntimeException ex) {
			// closed already
		}
	}

	/**
	 * Keep the socket open but send nothing and ignore everything the client sends (a zombie
	 * connection); pushes written to it are lost and redelivered later. WebSocket-level pongs are
	 * still answered by the server library.
	 */
	public void halfOpen() {
		this.halfOpen = true;
	}

	/**
	 * Send a SYSTEM {@code ping} frame with a fresh opaque value and wait for its echo.
	 * @param timeout how long to wait
	 * @return the echoed {@code data} string
	 * @throws AssertionError when no echo arrives in time
	 */
	public String ping(Duration timeout) {
		CompletableFuture<String> echo = this.gateway.ping(this);
		try {
			return echo.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No ping echo on " + this.id + " within " + timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new AssertionError(ex.getCause());
		}
	}

	/**
	 * Write any text frame (malformed or oversized frames for tests).
	 * @param text the frame
	 */
	public void sendRaw(String text) {
		send(text);
	}

	synchronized boolean send(String text) {
		if (this.halfOpen || !isOpen()) {
			return false;
		}
		try {
			this.session.getBasicRemote().sendText(text);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	void startDisconnecting() {
		this.disconnecting = true;
	}

	void markClosed() {
		this.closed = true;
	}

	void close() {
		markClosed();
		try {
			this.session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "disconnect"));
		}
		catch (IOException | RuntimeException ex) {
			// closed already
		}
	}

	@Override
	public String toString() {
		return "GatewayConnection{" + this.id + ", clientId=" + this.clientId + ", open=" + isOpen() + "}";
	}

}
