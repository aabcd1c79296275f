package io.dingboot.security.oauth2;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * DingTalk sends the browser back with {@code authCode} (current pages send {@code code} too):
 * on the login callback, a request with {@code authCode} and no {@code code} is seen by the
 * filters after this one with {@code code} set to the same value.
 */
final class DingTalkAuthCodeParameterFilter extends OncePerRequestFilter {

	static final String AUTH_CODE = "authCode";

	private final String callbackPrefix;

	DingTalkAuthCodeParameterFilter(String callbackPrefix) {
		this.callbackPrefix = callbackPrefix;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// the path first: parameters are parsed on the callback only
		if (!request.getRequestURI().startsWith(request.getContextPath() + this.callbackPrefix)) {
			chain.doFilter(request, response);
			return;
		}
		String authCode = request.getParameter(AUTH_CODE);
		if (authCode == null || request.getParameter("code") != null) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(new CodeRequest(request, authCode), response);
	}

	private static final class CodeRequest extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		CodeRequest(HttpServletRequest request, String code) {
			super(request);
			Map<String, String[]> map = new LinkedHashMap<>(request.getParameterMap());
			map.put("code", new String[] { code });
			this.parameters = Collections.unmodifiableMap(map);
		}

		@Override
		public @Nullable String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public java.util.Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return this.parameters.get(name);
		}

	}

}
