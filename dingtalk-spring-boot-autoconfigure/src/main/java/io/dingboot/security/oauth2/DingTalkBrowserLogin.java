package io.dingboot.security.oauth2;

import java.util.function.Predicate;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.Assert;

/**
 * The pieces of DingTalk browser login that {@link DingTalkBrowserLoginConfigurer} plugs into
 * {@code oauth2Login}: which registrations are DingTalk's, the token client, the user service and
 * the failure handler. Declare a bean of this type to replace them.
 *
 * @param dingTalkRegistration whether a registration id is one of DingTalk's
 * @param accessTokenResponseClient the token client of the login code
 * @param userService the user service
 * @param failureHandler the failure handler
 */
public record DingTalkBrowserLogin(Predicate<String> dingTalkRegistration,
		DingTalkAccessTokenResponseClient accessTokenResponseClient, DingTalkOAuth2UserService userService,
		AuthenticationFailureHandler failureHandler) {

	public DingTalkBrowserLogin {
		Assert.notNull(dingTalkRegistration, "'dingTalkRegistration' must not be null");
		Assert.notNull(accessTokenResponseClient, "'accessTokenResponseClient' must not be null");
		Assert.notNull(userService, "'userService' must not be null");
		Assert.notNull(failureHandler, "'failureHandler' must not be null");
	}

	/**
	 * The authorize request resolver with {@link DingTalkAuthorizationRequestCustomizer}.
	 * @param registrations the registrations
	 * @return the resolver
	 */
	public OAuth2AuthorizationRequestResolver authorizationRequestResolver(ClientRegistrationRepository registrations) {
		return DingTalkAuthorizationRequestCustomizer.resolver(registrations, this.dingTalkRegistration);
	}

}
