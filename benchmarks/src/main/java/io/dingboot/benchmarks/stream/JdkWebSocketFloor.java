package io.dingboot.benchmarks.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Consumer<String> eventIds;

	private final StringBuilder partial = new StringBuilder();

	private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

	private final WebSocket socket;

	private JdkWebSocketFloor(String apiBaseUrl, String appKey, String appSecret, Consumer<String> eventIds)
			throws Exception {
		this.eventIds = eventIds;
		HttpClient client = HttpClient.newBuilder().executor(Runnable::run).connectTimeout(Duration.ofSeconds(5)).build();
		HttpResponse<String> opened = client.send(HttpRequest.newBuilder(URI.create(apiBaseUrl + "/v1.0/gateway/connections/open"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + appKey + "\",\"clientSecret\":\"" + appSecret
					+ "\",\"subscriptions\":[{\"type\":\"EVENT\",\"topic\":\"*\"}]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (opened.statusCode() != 200) {
			throw new IllegalStateException("connections/open answered " + opened.statusCode());
		}
		JsonNode answer = JSON.readTree(opened.body());
		URI endpoint = URI.create(answer.get("endpoint").stringValue() + "?ticket=" + answer.get("ticket").stringValue());
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
		String messageId = header(text, "messageId");
		if (text.contains("\"type\":\"SYSTEM\"")) {
			// ping: echo its data
			JsonNode frame = JSON.readTree(text);
			send(webSocket, ack(messageId, JSON.writeValueAsString(frame.get("data").stringValue())));
			return;
		}
		this.eventIds.accept(header(text, "eventId"));
		send(webSocket, ack(messageId, "\"{\\\"status\\\":\\\"SUCCESS\\\",\\\"message\\\":\\\"success\\\"}\""));
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

	private static String ack(String messageId, String data) {
		return "{\"code\":200,\"headers\":{\"contentType\":\"application/json\",\"messageId\":\"" + messageId
				+ "\"},\"message\":\"OK\",\"data\":" + data + "}";
	}

	private static String header(String text, String name) {
		String key = "\"" + name + "\":\"";
		int start = text.indexOf(key);
		if (start < 0) {
			throw new IllegalStateException("no " + name);
		}
		start += key.length();
		return text.substring(start, text.indexOf('"', start));
	}

	@Override
	public void close() {
		this.socket.abort();
	}

}
