package io.dingboot.security.oauth2;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.util.Assert;

/**
 * Browser login with DingTalk in a security chain of the application's own:
 * <pre class="code">
 * http.with(DingTalkBrowserLoginConfigurer.dingTalkBrowserLogin(), withDefaults());
 * </pre>
 * switches on {@code oauth2Login} with the {@link ClientRegistrationRepository} bean and the
 * pieces of the {@link DingTalkBrowserLogin} bean (the authorize request with
 * {@code scope=openid} and {@code prompt=consent}, DingTalk's token and user steps, the failure
 * answers), and accepts DingTalk's {@code authCode} on the callback
 * {@code /login/oauth2/code/{registrationId}}. An application that calls
 * {@code http.oauth2Login(...)} itself, before or after this configurer, may add its own settings
 * there (a success URL, a login page); with {@code dingtalk.login.browser.enabled=true} the token
 * client, user service and authorize request resolver are also beans that {@code oauth2Login}
 * finds by itself.
 */
public final class DingTalkBrowserLoginConfigurer
		extends AbstractHttpConfigurer<DingTalkBrowserLoginConfigurer, HttpSecurity> {

	/** Spring Security's default callback path, followed by the registration id. */
	public static final String CALLBACK_PREFIX = "/login/oauth2/code/";

	private @Nullable DingTalkBrowserLogin browserLogin;

	private @Nullable ClientRegistrationRepository registrations;

	private DingTalkBrowserLoginConfigurer() {
	}

	/**
	 * A configurer for {@code http.with(dingTalkBrowserLogin(), withDefaults())}.
	 * @return a new configurer
	 */
	public static DingTalkBrowserLoginConfigurer dingTalkBrowserLogin() {
		return new DingTalkBrowserLoginConfigurer();
	}

	/**
	 * The pieces to use (default: the {@link DingTalkBrowserLogin} bean).
	 * @param browserLogin the pieces
	 * @return this configurer
	 */
	public DingTalkBrowserLoginConfigurer browserLogin(DingTalkBrowserLogin browserLogin) {
		Assert.notNull(browserLogin, "'browserLogin' must not be null");
		this.browserLogin = browserLogin;
		return this;
	}

	/**
	 * The registrations (default: the {@link ClientRegistrationRepository} bean).
	 * @param registrations the registrations
	 * @return this configurer
	 */
	public DingTalkBrowserLoginConfigurer clientRegistrationRepository(ClientRegistrationRepository registrations) {
		Assert.notNull(registrations, "'registrations' must not be null");
		this.registrations = registrations;
		return this;
	}

	@Override
	public void init(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		DingTalkBrowserLogin login = (this.browserLogin != null) ? this.browserLogin
				: bean(context, DingTalkBrowserLogin.class);
		ClientRegistrationRepository repository = (this.registrations != null) ? this.registrations
				: bean(context, ClientRegistrationRepository.class);
		http.oauth2Login((oauth2) -> oauth2.clientRegistrationRepository(repository)
			.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(
					login.authorizationRequestResolver(repository)))
			.tokenEndpoint((endpoint) -> endpoint.accessTokenResponseClient(login.accessTokenResponseClient()))
			.userInfoEndpoint((endpoint) -> endpoint.userService(login.userService()))
			.failureHandler(login.failureHandler()));
	}

	@Override
	public void configure(HttpSecurity http) {
		http.addFilterBefore(new DingTalkAuthCodeParameterFilter(CALLBACK_PREFIX), OAuth2LoginAuthenticationFilter.class);
	}

	private static <T> T bean(@Nullable ApplicationContext context, Class<T> type) {
		Assert.state(context != null, () -> "No " + type.getSimpleName()
				+ " bean: set dingtalk.login.browser.enabled=true or pass one to DingTalkBrowserLoginConfigurer");
		return context.getBean(type);
	}

}
