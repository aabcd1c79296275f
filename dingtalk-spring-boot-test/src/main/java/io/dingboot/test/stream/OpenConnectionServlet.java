package io.dingboot.test.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /v1.0/gateway/connections/open} of the {@link FakeStreamGateway}.
 */
@SuppressWarnings("serial")
final class OpenConnectionServlet extends HttpServlet {

	private final transient FakeStreamGateway gateway;

	OpenConnectionServlet(FakeStreamGateway gateway) {
		this.gateway = gateway;
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		FakeStreamGateway.OpenAnswer answer = this.gateway.open(body, request.getHeader("Accept"));
		response.setStatus(answer.status());
		response.setContentType(answer.contentType());
		response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
	}

}
