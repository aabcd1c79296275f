package io.dingboot.security.oauth2;

import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.Assert;

/**
 * Adds what DingTalk's authorize page requires to the authorize request of a DingTalk
 * registration: {@code scope=openid} and {@code prompt=consent}. The scope goes on the wire only;
 * the stored request keeps the registration's scopes (none), so Spring Security completes the
 * login as OAuth 2.0, not as OpenID Connect, which would insist on an ID token DingTalk never
 * issues. Requests of other registrations are left alone.
 */
public final class DingTalkAuthorizationRequestCustomizer implements Consumer<OAuth2AuthorizationRequest.Builder> {

	private final Predicate<String> dingTalkRegistration;

	/**
	 * Create a customizer.
	 * @param dingTalkRegistration whether a registration id is one of DingTalk's
	 */
	public DingTalkAuthorizationRequestCustomizer(Predicate<String> dingTalkRegistration) {
		Assert.notNull(dingTalkRegistration, "'dingTalkRegistration' must not be null");
		this.dingTalkRegistration = dingTalkRegistration;
	}

	/**
	 * Spring Security's default resolver with this customizer.
	 * @param registrations the registrations
	 * @param dingTalkRegistration whether a registration id is one of DingTalk's
	 * @return the resolver for {@code /oauth2/authorization/{registrationId}}
	 */
	public static OAuth2AuthorizationRequestResolver resolver(ClientRegistrationRepository registrations,
			Predicate<String> dingTalkRegistration) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, "/oauth2/authorization");
		resolver.setAuthorizationRequestCustomizer(new DingTalkAuthorizationRequestCustomizer(dingTalkRegistration));
		return resolver;
	}

	@Override
	public void accept(OAuth2AuthorizationRequest.Builder builder) {
		String[] id = new String[1];
		builder.attributes((attributes) -> id[0] = (String) attributes.get(OAuth2ParameterNames.REGISTRATION_ID));
		if (id[0] == null || !this.dingTalkRegistration.test(id[0])) {
			return;
		}
		builder.additionalParameters((parameters) -> {
			parameters.put(OAuth2ParameterNames.SCOPE, "openid");
			parameters.put("prompt", "consent");
		});
	}

}
