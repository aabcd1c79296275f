package io.dingboot.test.stream;

import java.util.List;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * The server side of one gateway WebSocket.
 */
final class GatewayEndpoint extends Endpoint {

	private final FakeStreamGateway gateway;

	private volatile GatewayConnection connection;

	GatewayEndpoint(FakeStreamGateway gateway) {
		this.gateway = gateway;
	}

	@Override
	public void onOpen(Session session, EndpointConfig config) {
		List<String> tickets = session.getRequestParameterMap().get("ticket");
		FakeStreamGateway.Ticket ticket = this.gateway.redeemed((tickets != null) ? tickets.get(0) : null);
		session.setMaxTextMessageBufferSize(1024 * 1024);
		session.setMaxIdleTimeout(0);
		GatewayConnection opened = this.gateway.opened(session, ticket);
		this.connection = opened;
		session.addMessageHandler(String.class,
				(MessageHandler.Whole<String>) (text) -> this.gateway.received(opened, text));
	}

	@Override
	public void onClose(Session session, CloseReason closeReason) {
		GatewayConnection opened = this.connection;
		if (opened != null) {
			this.gateway.closed(opened);
		}
	}

	@Override
	public void onError(Session session, Throwable error) {
		// the connection closes; onClose tells the gateway
	}

}
