package io.dingboot.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps Boot's error page internal: a request made directly to {@code /error} (rather than the
 * container's error dispatch after a failure) is answered {@code 404} with the sample's JSON error,
 * instead of Boot's {@code 500 {"status":999}}. It runs before the security filters, so the answer
 * is the same logged in or not.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DirectErrorRequestFilter extends OncePerRequestFilter {

	static final String ERROR_PATH = "/error";

	private static final byte[] NOT_FOUND = ("{\"error\":\"not_found\",\"message\":\"There is no such page\","
			+ "\"messageZh\":\"页面不存在\"}")
		.getBytes(StandardCharsets.UTF_8);

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		return !path.equals(ERROR_PATH) && !path.startsWith(ERROR_PATH + "/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(NOT_FOUND.length);
		response.getOutputStream().write(NOT_FOUND);
	}

}
