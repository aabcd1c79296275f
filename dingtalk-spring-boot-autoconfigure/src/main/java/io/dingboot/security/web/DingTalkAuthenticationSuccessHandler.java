package io.dingboot.security.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dingboot.security.authentication.DingTalkAuthenticationToken;
import io.dingboot.security.authentication.DingTalkUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.util.Assert;

/**
 * Answers a successful DingTalk login: a request from script (JSON body, {@code Accept:
 * application/json} or XHR) gets {@code 200} and a small JSON view of the user
 * ({@code userid, name, avatar, title, admin, authorities}); a browser form post is redirected by
 * the given handler (by default to the saved request or {@code /}).
 */
public final class DingTalkAuthenticationSuccessHandler implements AuthenticationSuccessHandler {

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
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("userid", authentication.getName());
		DingTalkUser user = (authentication instanceof DingTalkAuthenticationToken token) ? token.getDingTalkUser()
				: null;
		if (user != null) {
			view.put("name", user.getDisplayName());
			view.put("avatar", user.getAvatar());
			view.put("title", user.getTitle());
			view.put("admin", user.isAdmin());
		}
		view.put("authorities", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
		return view;
	}

}
