package io.dingboot.benchmarks.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.function.Consumer;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

/**
 * The same floor as {@link JdkWebSocketFloor} on Tomcat's Jakarta WebSocket client (the container
 * behind Spring's {@code StandardWebSocketClient}): one connection, whole text messages handled on
 * the container's reading thread, headers found by searching the text, the ack written at once.
 */
final class TomcatWebSocketFloor extends Endpoint implements AutoCloseable {

	private final Consumer<String> eventIds;

	private final Session session;

	private TomcatWebSocketFloor(String apiBaseUrl, String appKey, String appSecret, Consumer<String> eventIds)
			throws Exception {
		this.eventIds = eventIds;
		URI endpoint = FloorProtocol.open(apiBaseUrl, appKey, appSecret);
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
		try {
			session.getBasicRemote().sendText(FloorProtocol.answer(text, this.eventIds));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws Exception {
		this.session.close();
	}

}
