package io.dingboot.test.stream;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * {@code GET /connect?ticket=...} of the {@link FakeStreamGateway}: redeems the ticket (401 when it
 * is unknown, used or expired) and upgrades to a WebSocket.
 */
@SuppressWarnings("serial")
final class ConnectServlet extends HttpServlet {

	private final transient FakeStreamGateway gateway;

	private final transient ServerEndpointConfig config;

	ConnectServlet(FakeStreamGateway gateway) {
		this.gateway = gateway;
		this.config = ServerEndpointConfig.Builder.create(GatewayEndpoint.class, "/connect")
			.configurator(new ServerEndpointConfig.Configurator() {

				@Override
				public <T> T getEndpointInstance(Class<T> endpointClass) {
					return endpointClass.cast(new GatewayEndpoint(gateway));
				}

			})
			.build();
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		if (this.gateway.redeem(request.getParameter("ticket")) == null) {
			response.setStatus(401);
			response.setContentType("application/json");
			response.getWriter().write("{\"code\":\"invalidTicket\",\"message\":\"ticket unknown, used or expired\"}");
			return;
		}
		ServerContainer container = (ServerContainer) getServletContext()
			.getAttribute("jakarta.websocket.server.ServerContainer");
		try {
			container.upgradeHttpToWebSocket(request, response, this.config, Map.of());
		}
		catch (DeploymentException ex) {
			throw new ServletException(ex);
		}
	}

}
