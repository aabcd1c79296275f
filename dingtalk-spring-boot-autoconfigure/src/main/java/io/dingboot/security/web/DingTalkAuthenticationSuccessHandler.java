package io.dingboot.security.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dingboot.security.authentication.DingTalkAuthenticationToken;
import io.dingboot.security.authentication.DingTalkUser;
import io.dingboot.web.JsonAnswers;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.type.TypeReference;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.util.Assert;

/**
 * Answers a successful DingTalk login: a request from script (JSON body, {@code Accept:
 * application/json} or XHR) gets {@code 200} and the user as JSON, the same fields as Jackson writes
 * for {@link DingTalkUser} ({@code userid, unionid, name, admin, adminLevel, detailsFetched, avatar,
 * title, deptIds, boss, leader, app, corpId}, {@code name} being the display name) plus
 * {@code authorities}; a
 * browser form post is redirected by the given handler (by default to the saved request or
 * {@code /}).
 */
public final class DingTalkAuthenticationSuccessHandler implements AuthenticationSuccessHandler {

	private static final TypeReference<LinkedHashMap<String, Object>> USER_VIEW = new TypeReference<>() {
	};

	private final AuthenticationSuccessHandler browserHandler;

	public DingTalkAuthenticationSuccessHandler() {
		this(new SavedRequestAwareAuthenticationSuccessHandler());
	}

	/**
	 * Create a handler.
	 * @param browserHandler what answers a browser form post
	 */
	public DingTalkAuthenticationSuccessHandler(AuthenticationSuccessHandler browserHandler) {
		Assert.notNull(browserHandler, "'browserHandler' must not be null");
		this.browserHandler = browserHandler;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (!JsonAnswers.wantsJson(request)) {
			this.browserHandler.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		JsonAnswers.write(response, HttpStatus.OK.value(), view(authentication));
	}

	static Map<String, Object> view(Authentication authentication) {
		DingTalkUser user = (authentication instanceof DingTalkAuthenticationToken token) ? token.getDingTalkUser()
				: null;
		Map<String, Object> view = new LinkedHashMap<>();
		if (user != null) {
			view.putAll(JsonAnswers.mapper().convertValue(user, USER_VIEW));
		}
		else {
			view.put("userid", authentication.getName());
		}
		view.put("authorities", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
		return view;
	}

}
