package io.dingboot.stream;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every {@link StreamListener} in turn; one that throws is logged and does not stop the
 * others nor the client. The listeners are looked up once, when first told something (the client
 * has started by then, so every bean exists).
 */
final class StreamListeners implements StreamListener {

	private static final Logger logger = LoggerFactory.getLogger(StreamListeners.class);

	static final StreamListeners NONE = new StreamListeners(List::of);

	private final Supplier<List<StreamListener>> listeners;

	private volatile @Nullable List<StreamListener> resolved;

	StreamListeners(Supplier<List<StreamListener>> listeners) {
		this.listeners = listeners;
	}

	private void each(Consumer<StreamListener> action) {
		List<StreamListener> all = this.resolved;
		if (all == null) {
			all = List.copyOf(this.listeners.get());
			this.resolved = all;
		}
		for (StreamListener listener : all) {
			try {
				action.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Stream listener {} failed", listener, ex);
			}
		}
	}

	@Override
	public void connectionOpened(String app) {
		each((listener) -> listener.connectionOpened(app));
	}

	@Override
	public void connectionClosed(String app, CloseReason reason) {
		each((listener) -> listener.connectionClosed(app, reason));
	}

	@Override
	public void connectFailed(String app, String error) {
		each((listener) -> listener.connectFailed(app, error));
	}

	@Override
	public void authFailed(String app, String property) {
		each((listener) -> listener.authFailed(app, property));
	}

	@Override
	public void reconnectScheduled(String app, Duration delay) {
		each((listener) -> listener.reconnectScheduled(app, delay));
	}

	@Override
	public void frameReceived(String app, FrameType type) {
		each((listener) -> listener.frameReceived(app, type));
	}

	@Override
	public void ackSent(String app, AckStatus status) {
		each((listener) -> listener.ackSent(app, status));
	}

	@Override
	public void handlerLag(String app, Duration lag) {
		each((listener) -> listener.handlerLag(app, lag));
	}

}
