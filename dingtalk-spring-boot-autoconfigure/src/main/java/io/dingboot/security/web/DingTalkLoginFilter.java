package io.dingboot.security.web;

import java.io.IOException;
import java.io.InputStream;

import io.dingboot.security.authentication.DingTalkAuthenticationToken;
import io.dingboot.security.authentication.DingTalkLoginApps;
import io.dingboot.security.authentication.DingTalkUser;
import io.dingboot.security.authentication.UnknownDingTalkLoginAppException;
import io.dingboot.web.JsonAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Takes the free-login (免登) code of a {@code POST} to the processing URL, as form field
 * {@code code} or JSON {@code {"code":"..."}}, checks its shape without calling DingTalk, and hands
 * a {@link DingTalkAuthenticationToken} to the {@code AuthenticationManager}. Session fixation
 * protection, saving the context and the answers are the base class's and its handlers' work.
 * <p>
 * Built with {@link DingTalkLoginApps}, it serves several apps: the app
 * {@value DingTalkUser#DEFAULT_APP} at the processing URL, an app {@code <name>} at
 * {@code <processing URL>/<name>}; a URL of an app that does not log users in is refused with an
 * {@link UnknownDingTalkLoginAppException} ({@code 404}) before the code is read.
 */
public final class DingTalkLoginFilter extends AbstractAuthenticationProcessingFilter {

	/** Default processing URL. */
	public static final String DEFAULT_PROCESSING_URL = "/login/dingtalk";

	/** Longest accepted auth code. */
	public static final int MAX_CODE_LENGTH = 128;

	private static final int MAX_BODY_BYTES = 4096;

	private final @Nullable PathPatternRequestMatcher appRequests;

	private final @Nullable DingTalkLoginApps apps;

	/**
	 * Create a filter for {@code POST processingUrl}, the app {@value DingTalkUser#DEFAULT_APP}
	 * only.
	 * @param processingUrl the processing URL
	 */
	public DingTalkLoginFilter(String processingUrl) {
		this(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, processingUrl));
	}

	/**
	 * Create a filter for the requests {@code matcher} selects, the app
	 * {@value DingTalkUser#DEFAULT_APP} only.
	 * @param matcher the login requests
	 */
	public DingTalkLoginFilter(RequestMatcher matcher) {
		super(matcher);
		this.appRequests = null;
		this.apps = null;
	}

	/**
	 * Create a filter for the apps that log users in: {@code POST processingUrl} for the app
	 * {@value DingTalkUser#DEFAULT_APP}, {@code POST processingUrl/<name>} for the app
	 * {@code <name>}.
	 * @param processingUrl the processing URL
	 * @param apps the apps that log users in, looked up on each request
	 */
	public DingTalkLoginFilter(String processingUrl, DingTalkLoginApps apps) {
		super(loginRequests(processingUrl));
		this.appRequests = appRequests(processingUrl);
		this.apps = apps;
	}

	/**
	 * The login requests of every app: {@code POST processingUrl} and
	 * {@code POST processingUrl/<name>}.
	 * @param processingUrl the processing URL
	 * @return the matcher
	 */
	public static RequestMatcher loginRequests(String processingUrl) {
		return new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, processingUrl),
				appRequests(processingUrl));
	}

	private static PathPatternRequestMatcher appRequests(String processingUrl) {
		String base = processingUrl.endsWith("/") ? processingUrl.substring(0, processingUrl.length() - 1)
				: processingUrl;
		return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, base + "/{app}");
	}

	@Override
	public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response)
			throws AuthenticationException, IOException {
		String appName = appName(request);
		if (this.apps != null && this.apps.find(appName) == null) {
			throw new UnknownDingTalkLoginAppException();
		}
		String code = check(JsonAnswers.isJson(request.getContentType()) ? codeFromJson(request)
				: codeFromParameters(request));
		DingTalkAuthenticationToken token = DingTalkAuthenticationToken.unauthenticated(appName, code);
		token.setDetails(this.authenticationDetailsSource.buildDetails(request));
		return getAuthenticationManager().authenticate(token);
	}

	private String appName(HttpServletRequest request) {
		if (this.appRequests != null) {
			String name = this.appRequests.matcher(request).getVariables().get("app");
			if (name != null) {
				return name;
			}
		}
		return DingTalkUser.DEFAULT_APP;
	}

	private static @Nullable String codeFromParameters(HttpServletRequest request) {
		try {
			return request.getParameter("code");
		}
		catch (IllegalStateException ex) {
			// Tomcat's InvalidParameterException: a query or form body that is not URL-encoded
			throw DingTalkLoginParametersFilter.malformed();
		}
	}

	private static @Nullable String codeFromJson(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			throw new InvalidDingTalkLoginRequestException("The login body is too large");
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (body.length > MAX_BODY_BYTES) {
			throw new InvalidDingTalkLoginRequestException("The login body is too large");
		}
		JsonNode json;
		try {
			json = JsonAnswers.mapper().readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidDingTalkLoginRequestException("The login body is not JSON");
		}
		JsonNode code = (json != null && json.isObject()) ? json.get("code") : null;
		if (code != null && !code.isNull() && !code.isString()) {
			throw new InvalidDingTalkLoginRequestException("'code' must be a string");
		}
		return (code != null && code.isString()) ? code.asString() : null;
	}

	static String check(@Nullable String code) {
		if (code == null || code.isEmpty()) {
			throw new InvalidDingTalkLoginRequestException("The DingTalk auth code is missing: send 'code'");
		}
		if (code.length() > MAX_CODE_LENGTH) {
			throw new InvalidDingTalkLoginRequestException(
					"The DingTalk auth code is longer than " + MAX_CODE_LENGTH + " characters");
		}
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			if (c <= 0x20 || c >= 0x7F) {
				throw new InvalidDingTalkLoginRequestException(
						"The DingTalk auth code must be printable ASCII without spaces");
			}
		}
		return code;
	}

}
