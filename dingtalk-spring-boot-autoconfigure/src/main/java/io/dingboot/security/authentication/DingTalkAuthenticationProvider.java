package io.dingboot.security.authentication;

import io.dingboot.DingTalkApiException;
import io.dingboot.user.UserApi;
import io.dingboot.user.UserInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.util.Assert;

/**
 * Authenticates a {@link DingTalkAuthenticationToken} carrying a free-login code: the code goes to
 * {@code getuserinfo} exactly once, with the access token of the app the request names (a code is
 * valid only with the app that issued it), the user's details are fetched from the same app when
 * asked for, and the {@link DingTalkUserMapper} makes the result. Servlet-free.
 * <p>
 * Failures are Spring Security's standard exceptions, so the standard authentication events are
 * published: an unknown, used or expired code (40078, 40029) is a {@link BadCredentialsException};
 * any other DingTalk failure an {@link AuthenticationServiceException} whose cause is the
 * {@link DingTalkApiException}. When the details cannot be fetched after the code was accepted, the
 * user logs in with what {@code getuserinfo} said (the code cannot be used again). A request for
 * an app that does not log users in ({@link DingTalkLoginApps#find}) is an
 * {@link UnknownDingTalkLoginAppException}, and DingTalk is not called.
 */
public final class DingTalkAuthenticationProvider implements AuthenticationProvider {

	private static final Logger logger = LoggerFactory.getLogger(DingTalkAuthenticationProvider.class);

	private final DingTalkLoginApps apps;

	private final DingTalkUserMapper userMapper;

	private final boolean fetchUserDetails;

	/**
	 * Create a provider for one app, {@value DingTalkUser#DEFAULT_APP}.
	 * @param userApi the user API
	 * @param userMapper the mapper of logged-in users
	 * @param fetchUserDetails whether to fetch {@code /topapi/v2/user/get} after the code is accepted
	 */
	public DingTalkAuthenticationProvider(UserApi userApi, DingTalkUserMapper userMapper, boolean fetchUserDetails) {
		this(DingTalkLoginApps.single(nonNull(userApi), null), userMapper, fetchUserDetails);
	}

	/**
	 * Create a provider for the apps that log users in.
	 * @param apps the apps, looked up by the name each login request carries
	 * @param userMapper the mapper of logged-in users
	 * @param fetchUserDetails whether to fetch {@code /topapi/v2/user/get} after the code is accepted
	 */
	public DingTalkAuthenticationProvider(DingTalkLoginApps apps, DingTalkUserMapper userMapper,
			boolean fetchUserDetails) {
		Assert.notNull(apps, "'apps' must not be null");
		Assert.notNull(userMapper, "'userMapper' must not be null");
		this.apps = apps;
		this.userMapper = userMapper;
		this.fetchUserDetails = fetchUserDetails;
	}

	private static UserApi nonNull(UserApi userApi) {
		Assert.notNull(userApi, "'userApi' must not be null");
		return userApi;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		DingTalkAuthenticationToken request = (DingTalkAuthenticationToken) authentication;
		Object code = request.getCredentials();
		if (!(code instanceof String text) || text.isEmpty()) {
			throw new BadCredentialsException("The DingTalk login request has no auth code");
		}
		DingTalkLoginApp app = this.apps.find(request.getAppName());
		if (app == null) {
			throw new UnknownDingTalkLoginAppException();
		}
		DingTalkUser user = DingTalkUser.of(app.name(), app.corpId(), userInfo(app.users(), text));
		if (this.fetchUserDetails) {
			user = withDetails(app.users(), user);
		}
		DingTalkAuthenticationToken result = map(user);
		result.setDetails(request.getDetails());
		return result;
	}

	private static UserInfo userInfo(UserApi users, String code) {
		try {
			return users.getUserInfo(code);
		}
		catch (DingTalkApiException ex) {
			throw translate(ex);
		}
	}

	private static DingTalkUser withDetails(UserApi users, DingTalkUser user) {
		try {
			return user.withDetails(users.get(user.getUserid()));
		}
		catch (DingTalkApiException ex) {
			logger.warn("DingTalk user {} logs in without details: {}", user.getUserid(), ex.getMessage());
			return user;
		}
	}

	private DingTalkAuthenticationToken map(DingTalkUser user) {
		DingTalkAuthenticationToken result;
		try {
			result = this.userMapper.map(user);
		}
		catch (AuthenticationException ex) {
			logger.debug("The application refused DingTalk user {}: {}", user.getUserid(), ex.getMessage());
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new AuthenticationServiceException("The DingTalk user mapper failed", ex);
		}
		if (result == null || !result.isAuthenticated()) {
			throw new BadCredentialsException("The application refused DingTalk user " + user.getUserid());
		}
		return result;
	}

	private static AuthenticationException translate(DingTalkApiException ex) {
		int code = ex.getEffectiveCode();
		if (code == 40078 || code == 40029) {
			logger.debug("DingTalk refused a free-login code: {}", ex.getMessage());
			return new BadCredentialsException("The DingTalk auth code is unknown, used or expired", ex);
		}
		logger.warn("DingTalk free login failed: {}", ex.getMessage());
		return new AuthenticationServiceException("DingTalk could not check the auth code", ex);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return DingTalkAuthenticationToken.class.isAssignableFrom(authentication);
	}

	@Override
	public String toString() {
		return "DingTalkAuthenticationProvider{fetchUserDetails=" + this.fetchUserDetails + "}";
	}

}
