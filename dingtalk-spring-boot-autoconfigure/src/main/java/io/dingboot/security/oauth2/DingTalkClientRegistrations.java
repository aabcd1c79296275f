package io.dingboot.security.oauth2;

import io.dingboot.security.authentication.DingTalkUser;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.Assert;

/**
 * DingTalk apps as Spring Security {@link ClientRegistration}s. The registration id is
 * {@value #DEFAULT_REGISTRATION_ID} for the app {@value DingTalkUser#DEFAULT_APP}, the app's name
 * otherwise. The registration asks for no scope: DingTalk's {@code scope=openid} is added to the
 * authorize request by {@link DingTalkAuthorizationRequestCustomizer}, so that Spring Security
 * does not treat the login as OpenID Connect (DingTalk issues no ID token). DingTalk documents no
 * PKCE, so the registration does not ask for it (Spring Security 7 would by default).
 */
public final class DingTalkClientRegistrations {

	/** Registration id of the app {@value DingTalkUser#DEFAULT_APP}. */
	public static final String DEFAULT_REGISTRATION_ID = "dingtalk";

	/** DingTalk's login host. */
	public static final String DEFAULT_LOGIN_BASE_URL = "https://login.dingtalk.com";

	/** Path of the authorize page on the login host. */
	public static final String AUTHORIZATION_PATH = "/oauth2/auth";

	/** Path of the user token call on the v1.0 host. */
	public static final String USER_ACCESS_TOKEN_PATH = "/v1.0/oauth2/userAccessToken";

	/** Path of the current user call on the v1.0 host. */
	public static final String USERS_ME_PATH = "/v1.0/contact/users/me";

	/** Spring Security's callback, where DingTalk sends the browser back. */
	public static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";

	private DingTalkClientRegistrations() {
	}

	/**
	 * The registration id of an app.
	 * @param appName the app's name
	 * @return {@value #DEFAULT_REGISTRATION_ID} for the default app, else the app's name
	 */
	public static String registrationId(String appName) {
		return DingTalkUser.DEFAULT_APP.equals(appName) ? DEFAULT_REGISTRATION_ID : appName;
	}

	/**
	 * The app a registration id stands for.
	 * @param registrationId the registration id
	 * @return {@value DingTalkUser#DEFAULT_APP} for {@value #DEFAULT_REGISTRATION_ID}, else the id
	 */
	public static String appName(String registrationId) {
		return DEFAULT_REGISTRATION_ID.equals(registrationId) ? DingTalkUser.DEFAULT_APP : registrationId;
	}

	/**
	 * A builder of the registration of one app, to be finished (or changed) by the caller.
	 * @param appName the app's name
	 * @param appKey the app key (Client ID)
	 * @param appSecret the app secret (Client Secret)
	 * @param loginBaseUrl the login host, e.g. {@value #DEFAULT_LOGIN_BASE_URL}
	 * @param apiBaseUrl the v1.0 host, e.g. {@code https://api.dingtalk.com}
	 * @return the builder
	 */
	public static ClientRegistration.Builder builder(String appName, String appKey, String appSecret,
			String loginBaseUrl, String apiBaseUrl) {
		Assert.hasText(appKey, "'appKey' must not be empty");
		Assert.hasText(appSecret, "'appSecret' must not be empty");
		return ClientRegistration.withRegistrationId(registrationId(appName))
			.clientName("DingTalk" + (DingTalkUser.DEFAULT_APP.equals(appName) ? "" : " (" + appName + ")"))
			.clientId(appKey)
			.clientSecret(appSecret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(REDIRECT_URI)
			.authorizationUri(trim(loginBaseUrl) + AUTHORIZATION_PATH)
			.tokenUri(trim(apiBaseUrl) + USER_ACCESS_TOKEN_PATH)
			.userInfoUri(trim(apiBaseUrl) + USERS_ME_PATH)
			.userNameAttributeName("unionId")
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(false).build());
	}

	private static String trim(String url) {
		Assert.hasText(url, "'url' must not be empty");
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
