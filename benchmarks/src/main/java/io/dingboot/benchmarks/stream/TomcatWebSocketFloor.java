package io.dingboot.benchmarks.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same floor as {@link JdkWebSocketFloor} on Tomcat's Jakarta WebSocket client (the container
 * behind Spring's {@code StandardWebSocketClient}): one connection, whole text messages handled on
 * the container's reading thread, headers found by searching the text, the ack written at once.
 */
final class TomcatWebSocketFloor extends Endpoint implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Consumer<String> eventIds;

	private final Session session;

	private TomcatWebSocketFloor(String apiBaseUrl, String appKey, String appSecret, Consumer<String> eventIds)
			throws Exception {
		this.eventIds = eventIds;
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(1 << 20);
		this.session = container.connectToServer(this, ClientEndpointConfig.Builder.create().build(), endpoint);
	}

	static TomcatWebSocketFloor connect(String apiBaseUrl, String appKey, String appSecret, Consumer<String> eventIds)
			throws Exception {
		return new TomcatWebSocketFloor(apiBaseUrl, appKey, appSecret, eventIds);
	}

	@Override
	public void onOpen(Session session, EndpointConfig config) {
		session.addMessageHandler(String.class, (MessageHandler.Whole<String>) (text) -> frame(session, text));
	}

	private void frame(Session session, String text) {
		String messageId = header(text, "messageId");
		try {
			if (text.contains("\"type\":\"SYSTEM\"")) {
				JsonNode frame = JSON.readTree(text);
				session.getBasicRemote().sendText(ack(messageId, JSON.writeValueAsString(frame.get("data").stringValue())));
				return;
			}
			this.eventIds.accept(header(text, "eventId"));
			session.getBasicRemote()
				.sendText(ack(messageId, "\"{\\\"status\\\":\\\"SUCCESS\\\",\\\"message\\\":\\\"success\\\"}\""));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
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
	public void close() throws Exception {
		this.session.close();
	}

}
