package io.dingboot.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.dingboot.stream.ConnectionOpener.OpenConnectionException;
import io.dingboot.stream.ConnectionOpener.Subscription;
import io.dingboot.stream.ConnectionOpener.Ticket;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Stream connection of one app: connects (a fresh ticket every time), answers {@code ping}
 * frames on the reading thread, replaces the connection on {@code disconnect} before it stops
 * using the old one, reconnects after a drop with exponential backoff and jitter (reset once a
 * connection stayed up long enough), retries refused credentials slowly and reports them once.
 */
final class AppStream implements StreamConnection.Owner {

	private static final Logger logger = LoggerFactory.getLogger(AppStream.class);

	private static final long RETIRED_CLOSE_SECONDS = 15;

	private final StreamApp app;

	private final List<Subscription> subscriptions;

	private final StreamSettings settings;

	private final HttpClient httpClient;

	private final ConnectionOpener opener;

	private final FrameRouter router;

	private final ScheduledExecutorService scheduler;

	private final Backoff backoff;

	private final StreamListener listeners;

	private boolean running;

	private boolean connecting;

	private boolean reconnectScheduled;

	private int failedAttempts;

	private boolean authFailureReported;

	private @Nullable StreamConnection current;

	private long connectedAtNanos;

	AppStream(StreamApp app, List<Subscription> subscriptions, StreamSettings settings, HttpClient httpClient,
			ConnectionOpener opener, FrameRouter router, ScheduledExecutorService scheduler) {
		this(app, subscriptions, settings, httpClient, opener, router, scheduler, StreamListeners.NONE);
	}

	AppStream(StreamApp app, List<Subscription> subscriptions, StreamSettings settings, HttpClient httpClient,
			ConnectionOpener opener, FrameRouter router, ScheduledExecutorService scheduler,
			StreamListener listeners) {
		this.app = app;
		this.subscriptions = List.copyOf(subscriptions);
		this.settings = settings;
		this.httpClient = httpClient;
		this.opener = opener;
		this.router = router;
		this.scheduler = scheduler;
		this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
		this.listeners = listeners;
	}

	String name() {
		return this.app.name();
	}

	synchronized void start() {
		this.running = true;
		connect();
	}

	/**
	 * Open a connection unless one is being opened or a healthy one exists.
	 */
	private synchronized void connect() {
		this.reconnectScheduled = false;
		if (!this.running || this.connecting) {
			return;
		}
		StreamConnection existing = this.current;
		if (existing != null && !existing.isClosed() && !existing.isRetired()) {
			return;
		}
		this.connecting = true;
		StreamConnection connection = new StreamConnection(this.app.name(), this.settings.maxFrameSize(), this);
		try {
			this.opener.open(this.app, this.subscriptions).thenCompose((ticket) -> webSocket(ticket, connection))
				.whenComplete((result, ex) -> {
					if (ex != null) {
						connectFailed(unwrap(ex));
					}
					else {
						connected(connection);
					}
				});
		}
		catch (RuntimeException ex) {
			connectFailed(ex);
		}
	}

	private java.util.concurrent.CompletableFuture<java.net.http.WebSocket> webSocket(Ticket ticket,
			StreamConnection connection) {
		URI uri = ticket.uri();
		return this.httpClient.newWebSocketBuilder()
			.connectTimeout(this.settings.connectTimeout())
			.buildAsync(uri, connection);
	}

	private synchronized void connected(StreamConnection connection) {
		this.connecting = false;
		if (!this.running) {
			connection.close();
			return;
		}
		if (connection.isClosed()) {
			logger.warn("Stream connection {} of DingTalk app '{}' was closed right after opening; reconnecting",
					connection.id(), this.app.name());
			scheduleReconnect("closed right after opening");
			return;
		}
		StreamConnection previous = this.current;
		this.current = connection;
		this.connectedAtNanos = System.nanoTime();
		this.authFailureReported = false;
		if (previous != null && previous != connection && !previous.isClosed()) {
			previous.retire();
			this.scheduler.schedule(() -> previous.close(), RETIRED_CLOSE_SECONDS, TimeUnit.SECONDS);
		}
		logger.info("Stream connection {} of DingTalk app '{}' is open ({})", connection.id(), this.app.name(),
				this.subscriptions);
		this.listeners.connectionOpened(this.app.name());
		if (connection.isRetired()) {
			// DingTalk asked to replace it before the handshake completed here: the request found this
			// connection still being opened, so the replacement is opened now
			connect();
		}
	}

	private synchronized void connectFailed(Throwable ex) {
		this.connecting = false;
		if (!this.running) {
			return;
		}
		if (ex instanceof OpenConnectionException open && open.isAuthFailed()) {
			String key = this.app.propertyPrefix() + "app-secret";
			this.listeners.authFailed(this.app.name(), key);
			if (!this.authFailureReported) {
				this.authFailureReported = true;
				logger.error("DingTalk refused the credentials of app '{}' for Stream mode ({}): check {} and {}app-key; "
						+ "retrying every {}", this.app.name(), open.getMessage(), key, this.app.propertyPrefix(),
						this.settings.authFailureBackoff());
			}
			else {
				logger.debug("DingTalk still refuses the credentials of app '{}' ({})", this.app.name(), key);
			}
			schedule(this.settings.authFailureBackoff().toMillis());
			return;
		}
		this.listeners.connectFailed(this.app.name(), ex.getClass().getSimpleName());
		this.failedAttempts++;
		long delay = this.backoff.delayMillis(this.failedAttempts);
		logger.warn("Stream connection of DingTalk app '{}' could not be opened ({}); attempt {} in {} ms",
				this.app.name(), describe(ex), this.failedAttempts + 1, delay);
		schedule(delay);
	}

	@Override
	public void onFrame(StreamConnection connection, StreamFrame frame) {
		this.listeners.frameReceived(this.app.name(), typeOf(frame));
		if (StreamFrame.SYSTEM.equals(frame.type())) {
			String topic = frame.topic();
			if ("ping".equals(topic)) {
				connection.send(frame.response(200, "OK", frame.data()));
			}
			else if ("disconnect".equals(topic)) {
				connection.send(frame.response(200, "OK", null));
				disconnect(connection);
			}
			else {
				logger.debug("Ignored SYSTEM frame {} of app '{}'", topic, this.app.name());
			}
			return;
		}
		this.router.route(this.app.name(), connection, frame);
	}

	@Override
	public void onSkipped(StreamConnection connection, StreamListener.FrameType type) {
		this.listeners.frameReceived(this.app.name(), type);
	}

	private static StreamListener.FrameType typeOf(StreamFrame frame) {
		if (StreamFrame.SYSTEM.equals(frame.type())) {
			return StreamListener.FrameType.SYSTEM;
		}
		if (StreamFrame.EVENT.equals(frame.type())) {
			return StreamListener.FrameType.EVENT;
		}
		if (StreamFrame.CALLBACK.equals(frame.type()) && RobotMessageEvent.TOPIC.equals(frame.topic())) {
			return StreamListener.FrameType.ROBOT;
		}
		if (StreamFrame.CALLBACK.equals(frame.type()) && CardCallbackListener.TOPIC.equals(frame.topic())) {
			return StreamListener.FrameType.CARD;
		}
		return StreamListener.FrameType.OTHER;
	}

	/**
	 * DingTalk will close {@code connection}: open the replacement now; the old one carries
	 * nothing new and is closed once the replacement is up (or by DingTalk).
	 */
	private synchronized void disconnect(StreamConnection connection) {
		logger.info("DingTalk asked to replace Stream connection {} of app '{}'", connection.id(), this.app.name());
		connection.retire();
		connect();
	}

	@Override
	public synchronized void onClosed(StreamConnection connection, String reason) {
		if (connection != this.current) {
			logger.debug("Old Stream connection {} of app '{}' {}", connection.id(), this.app.name(), reason);
			return;
		}
		this.current = null;
		if (!this.running) {
			this.listeners.connectionClosed(this.app.name(), StreamListener.CloseReason.STOPPED);
			return;
		}
		this.listeners.connectionClosed(this.app.name(),
				connection.isRetired() ? StreamListener.CloseReason.REPLACED : StreamListener.CloseReason.DROPPED);
		if (System.nanoTime() - this.connectedAtNanos >= this.settings.stableAfter().toNanos()) {
			this.failedAttempts = 0;
		}
		if (connection.isRetired()) {
			logger.debug("Stream connection {} of app '{}' {} after disconnect", connection.id(), this.app.name(),
					reason);
		}
		else {
			logger.warn("Stream connection {} of DingTalk app '{}' {}; reconnecting", connection.id(),
					this.app.name(), reason);
		}
		scheduleReconnect(reason);
	}

	private void scheduleReconnect(String reason) {
		this.failedAttempts++;
		schedule(this.backoff.delayMillis(this.failedAttempts));
	}

	private void schedule(long delayMillis) {
		if (this.reconnectScheduled || !this.running) {
			return;
		}
		this.reconnectScheduled = true;
		this.listeners.reconnectScheduled(this.app.name(), Duration.ofMillis(delayMillis));
		this.scheduler.schedule(this::connect, delayMillis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Keep-alive and watchdog, on the shared scheduler.
	 */
	void check(long now) {
		StreamConnection connection;
		synchronized (this) {
			connection = this.current;
			if (connection != null && now - this.connectedAtNanos >= this.settings.stableAfter().toNanos()) {
				this.failedAttempts = 0;
			}
		}
		if (connection == null) {
			return;
		}
		String dead = connection.check(now, this.settings.keepAlive().toNanos(), this.settings.pongTimeout().toNanos(),
				this.settings.idleTimeout().toNanos());
		if (dead != null) {
			connection.abort(dead);
		}
	}

	synchronized boolean isConnected() {
		return this.current != null && !this.current.isClosed();
	}

	/**
	 * Stop reconnecting; the connection stays up so that running listeners can answer.
	 */
	synchronized void stopReconnecting() {
		this.running = false;
	}

	/**
	 * Stop reconnecting and close the connection with a close frame.
	 */
	synchronized java.util.concurrent.CompletableFuture<?> stop() {
		this.running = false;
		StreamConnection connection = this.current;
		return (connection != null) ? connection.close() : java.util.concurrent.CompletableFuture.completedFuture(null);
	}

	synchronized void abort() {
		StreamConnection connection = this.current;
		this.current = null;
		if (connection != null) {
			if (!connection.isClosed()) {
				this.listeners.connectionClosed(this.app.name(), StreamListener.CloseReason.STOPPED);
			}
			connection.abortQuietly();
		}
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable cause = ex;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * A failure without the URI (which holds the ticket).
	 */
	static String describe(Throwable ex) {
		if (ex instanceof OpenConnectionException) {
			return "connections/open answered " + ex.getMessage();
		}
		if (ex instanceof WebSocketHandshakeException handshake) {
			return "WebSocket handshake answered HTTP " + handshake.getResponse().statusCode();
		}
		String message = ex.getMessage();
		if (message == null || message.contains("ticket")) {
			return ex.getClass().getSimpleName();
		}
		return ex.getClass().getSimpleName() + ": " + message;
	}

}
