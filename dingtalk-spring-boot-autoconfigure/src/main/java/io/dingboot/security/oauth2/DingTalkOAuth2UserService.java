package io.dingboot.security.oauth2;

import java.util.function.Predicate;

import io.dingboot.DingTalkApiException;
import io.dingboot.security.authentication.DingTalkAuthenticationToken;
import io.dingboot.security.authentication.DingTalkLoginApp;
import io.dingboot.security.authentication.DingTalkLoginApps;
import io.dingboot.security.authentication.DingTalkUser;
import io.dingboot.security.authentication.DingTalkUserMapper;
import io.dingboot.user.UnionIdUser;
import io.dingboot.user.User;
import io.dingboot.user.UserInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Finds the DingTalk user of a browser login: {@code GET {userInfoUri}} (by default
 * {@code https://api.dingtalk.com/v1.0/contact/users/me}) with the user token in the header
 * {@code x-acs-dingtalk-access-token} gives the {@code unionId}; {@code /topapi/user/getbyunionid}
 * with the app's token gives the {@code userid}; then the same lookup as free login
 * ({@code /topapi/v2/user/get}) and the same {@link DingTalkUserMapper} make the principal, a
 * {@link DingTalkUser} with the authorities the mapper chose.
 * <p>
 * A person who is not a member of the app's organisation (a token answer whose {@code corpId} is
 * not the app's, or a unionId without a userid, errcode 60121, or an external contact) is refused
 * with {@value DingTalkBrowserLoginErrors#NOT_IN_ORGANIZATION}. Registrations that are not
 * DingTalk's go to Spring Security's standard user service.
 */
public final class DingTalkOAuth2UserService implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

	/** The header that carries a v1.0 token. */
	public static final String TOKEN_HEADER = "x-acs-dingtalk-access-token";

	private static final Logger logger = LoggerFactory.getLogger(DingTalkOAuth2UserService.class);

	private final RestClient restClient;

	private final DingTalkLoginApps apps;

	private final DingTalkUserMapper userMapper;

	private final boolean fetchUserDetails;

	private final OAuth2UserService<OAuth2UserRequest, OAuth2User> others = new DefaultOAuth2UserService();

	/**
	 * Create a user service.
	 * @param restClient the client to call {@code users/me} with
	 * @param apps the apps, by name ({@link DingTalkClientRegistrations#appName})
	 * @param userMapper the mapper free login uses too
	 * @param fetchUserDetails whether the principal carries the details of {@code /topapi/v2/user/get}
	 */
	public DingTalkOAuth2UserService(RestClient restClient, DingTalkLoginApps apps, DingTalkUserMapper userMapper,
			boolean fetchUserDetails) {
		Assert.notNull(restClient, "'restClient' must not be null");
		Assert.notNull(apps, "'apps' must not be null");
		Assert.notNull(userMapper, "'userMapper' must not be null");
		this.restClient = restClient;
		this.apps = apps;
		this.userMapper = userMapper;
		this.fetchUserDetails = fetchUserDetails;
	}

	/**
	 * Whether a registration id stands for an app of {@code apps}.
	 * @param apps the apps
	 * @return the predicate
	 */
	public static Predicate<String> registrationsOf(DingTalkLoginApps apps) {
		return (registrationId) -> apps.find(DingTalkClientRegistrations.appName(registrationId)) != null;
	}

	@Override
	public OAuth2User loadUser(OAuth2UserRequest request) throws OAuth2AuthenticationException {
		String registrationId = request.getClientRegistration().getRegistrationId();
		DingTalkLoginApp app = this.apps.find(DingTalkClientRegistrations.appName(registrationId));
		if (app == null) {
			return this.others.loadUser(request);
		}
		Object corpId = request.getAdditionalParameters().get(DingTalkAccessTokenResponseClient.CORP_ID);
		if (app.corpId() != null && corpId != null && !app.corpId().equals(corpId)) {
			logger.debug("Browser login of {} refused: the person's organisation is not the app's", registrationId);
			throw notInOrganization();
		}
		String unionId = unionId(request);
		String userid = userid(app, unionId);
		DingTalkUser user = user(app, userid, unionId);
		return map(user);
	}

	private String unionId(OAuth2UserRequest request) {
		Me me;
		try {
			me = this.restClient.get()
				.uri(request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri())
				.header(TOKEN_HEADER, request.getAccessToken().getTokenValue())
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.onStatus((status) -> !status.is2xxSuccessful(), (req, response) -> {
					throw DingTalkBrowserLoginErrors.fromAnswer("contact/users/me", response);
				})
				.body(Me.class);
		}
		catch (OAuth2AuthorizationException ex) {
			throw new OAuth2AuthenticationException(ex.getError(), ex);
		}
		catch (ResourceAccessException ex) {
			throw failure(DingTalkBrowserLoginErrors.DINGTALK_UNAVAILABLE,
					"DingTalk could not be reached (contact/users/me)");
		}
		catch (RestClientException ex) {
			throw failure(DingTalkBrowserLoginErrors.DINGTALK_ERROR,
					"DingTalk answered contact/users/me with an unreadable body");
		}
		if (me == null || !StringUtils.hasText(me.unionId())) {
			throw failure(DingTalkBrowserLoginErrors.DINGTALK_ERROR, "DingTalk answered contact/users/me without a unionId");
		}
		return me.unionId();
	}

	private static String userid(DingTalkLoginApp app, String unionId) {
		UnionIdUser user;
		try {
			user = app.users().getByUnionId(unionId);
		}
		catch (DingTalkApiException ex) {
			if (ex.getEffectiveCode() == 60121) {
				logger.debug("Browser login of app {} refused: the person is not a member of its organisation",
						app.name());
				throw notInOrganization();
			}
			throw apiFailure(ex);
		}
		if (user == null || !StringUtils.hasText(user.userid()) || user.contactType() != 0) {
			throw notInOrganization();
		}
		return user.userid();
	}

	private DingTalkUser user(DingTalkLoginApp app, String userid, String unionId) {
		User details;
		try {
			details = app.users().get(userid);
		}
		catch (DingTalkApiException ex) {
			throw apiFailure(ex);
		}
		UserInfo info = new UserInfo(userid, (details.unionid() != null) ? details.unionid() : unionId, null,
				details.name(), null, details.admin(), 0);
		DingTalkUser user = DingTalkUser.of(app.name(), app.corpId(), info);
		return this.fetchUserDetails ? user.withDetails(details) : user;
	}

	private OAuth2User map(DingTalkUser user) {
		DingTalkAuthenticationToken token;
		try {
			token = this.userMapper.map(user);
		}
		catch (AuthenticationException ex) {
			logger.debug("The application refused DingTalk user {}: {}", user.getUserid(), ex.getMessage());
			throw new OAuth2AuthenticationException(new OAuth2Error("login_refused", ex.getMessage(), null), ex);
		}
		if (token == null || !token.isAuthenticated()) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error("login_refused", "The application refused this DingTalk user", null));
		}
		if (token.getPrincipal() instanceof DingTalkUser principal) {
			return principal.withAuthorities(token.getAuthorities());
		}
		if (token.getPrincipal() instanceof OAuth2User principal) {
			return principal;
		}
		return user.withAuthorities(token.getAuthorities());
	}

	private static OAuth2AuthenticationException notInOrganization() {
		return failure(DingTalkBrowserLoginErrors.NOT_IN_ORGANIZATION,
				"This DingTalk account is not a member of the app's organisation");
	}

	private static OAuth2AuthenticationException apiFailure(DingTalkApiException ex) {
		logger.warn("DingTalk browser login failed: {}", ex.getMessage());
		boolean unavailable = ex.getHttpStatus() >= 500 || ex.getKind() == DingTalkApiException.Kind.IO_ERROR || ex.getKind() == DingTalkApiException.Kind.INVALID_RESPONSE
				|| ex.getEffectiveCode() == -1;
		return failure(unavailable ? DingTalkBrowserLoginErrors.DINGTALK_UNAVAILABLE : DingTalkBrowserLoginErrors.DINGTALK_ERROR,
				"DingTalk could not find the user (" + ex.getApiPath() + ")");
	}

	private static OAuth2AuthenticationException failure(String code, String message) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message);
	}

	record Me(@Nullable String unionId, @Nullable String nick) {

	}

}
