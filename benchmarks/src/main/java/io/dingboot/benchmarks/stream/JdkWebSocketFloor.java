package io.dingboot.benchmarks.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The least a Stream client on the JDK's {@code java.net.http.WebSocket} can do per event: one
 * connection, frames read on the client's own thread ({@code executor(Runnable::run)}), the
 * {@code messageId} and {@code eventId} headers found by searching the text (no JSON parsing, no
 * listener, no hand-off to another thread), and the same ack DingBoot sends written at once from
 * the reading thread. Not a client anyone should use: no reconnect, no keep-alive, no
 * deduplication; it answers {@code ping} frames so that the gateway keeps it. Its CPU per event is
 * what the JDK's WebSocket and TLS cost on their own, the floor under any client built on them.
 */
final class JdkWebSocketFloor implements WebSocket.Listener, AutoCloseable {

	private final Consumer<String> eventIds;

	private final StringBuilder partial = new StringBuilder();

	private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

	private final WebSocket socket;

	private JdkWebSocketFloor(String apiBaseUrl, String appKey, String appSecret, Consumer<String> eventIds)
			throws Exception {
		this.eventIds = eventIds;
		URI endpoint = FloorProtocol.open(apiBaseUrl, appKey, appSecret);
		HttpClient client = HttpClient.newBuilder().executor(Runnable::run).connectTimeout(Duration.ofSeconds(5)).build();
		this.socket = client.newWebSocketBuilder().buildAsync(endpoint, this).get(10, TimeUnit.SECONDS);
	}

	static JdkWebSocketFloor connect(String apiBaseUrl, String appKey, String appSecret, Consumer<String> eventIds)
			throws Exception {
		return new JdkWebSocketFloor(apiBaseUrl, appKey, appSecret, eventIds);
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		if (!last || this.partial.length() > 0) {
			this.partial.append(data);
			if (last) {
				String text = this.partial.toString();
				this.partial.setLength(0);
				frame(webSocket, text);
			}
		}
		else {
			frame(webSocket, data.toString());
		}
		webSocket.request(1);
		return null;
	}

	private void frame(WebSocket webSocket, String text) {
		send(webSocket, FloorProtocol.answer(text, this.eventIds));
	}

	/**
	 * Called on the reading thread only, as are the completions of earlier sends: one at a time.
	 */
	private void send(WebSocket webSocket, String text) {
		if (this.lastSend.isDone()) {
			this.lastSend = webSocket.sendText(text, true);
		}
		else {
			this.lastSend = this.lastSend.thenCompose((ignored) -> webSocket.sendText(text, true));
		}
	}

	@Override
	public void close() {
		this.socket.abort();
	}

}
