package io.dingboot.security.config;

import io.dingboot.security.authentication.DingTalkAuthenticationProvider;
import io.dingboot.security.authentication.DingTalkLoginApps;
import io.dingboot.security.authentication.DingTalkUserMapper;
import io.dingboot.security.web.DingTalkAuthenticationEntryPoint;
import io.dingboot.security.web.DingTalkAuthenticationFailureHandler;
import io.dingboot.security.web.DingTalkAuthenticationSuccessHandler;
import io.dingboot.security.web.DingTalkLoginFilter;
import io.dingboot.security.web.DingTalkLoginParametersFilter;
import io.dingboot.user.UserApi;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;

/**
 * Adds DingTalk free login (免登) to a {@code SecurityFilterChain}:
 * <pre class="code">
 * http.with(DingTalkLoginConfigurer.dingTalkLogin(), withDefaults());
 * </pre>
 * It registers a {@link DingTalkAuthenticationProvider} with the chain's authentication manager,
 * a {@link DingTalkLoginFilter} for {@code POST} to the processing URL, a
 * {@link DingTalkLoginParametersFilter} that answers a login request with parameters that are not
 * URL-encoded with {@code 400} JSON, and a {@code 401} JSON entry point for script requests. What
 * is not set here comes from the application context: the {@link DingTalkLoginApps} (DingBoot
 * declares one for every app of {@code dingtalk.*} and {@code dingtalk.apps.<name>.*}) or else the
 * {@link UserApi}, a {@link DingTalkUserMapper} bean, and {@link DingTalkLoginSettings}
 * ({@code dingtalk.login.*}). CSRF protection, session fixation protection and the
 * {@code SecurityContextRepository} of the chain apply to the login request.
 * <p>
 * With several apps the app {@code default} logs users in at the processing URL and an app
 * {@code <name>} at {@code <processing URL>/<name>}, each exchanging codes with its own access
 * token; the URL of an unknown app, or of one left out of login, answers {@code 404} JSON.
 */
public final class DingTalkLoginConfigurer extends AbstractHttpConfigurer<DingTalkLoginConfigurer, HttpSecurity> {

	private @Nullable String processingUrl;

	private @Nullable Boolean fetchUserDetails;

	private @Nullable DingTalkUserMapper userMapper;

	private @Nullable UserApi userApi;

	private @Nullable DingTalkLoginApps loginApps;

	private AuthenticationSuccessHandler successHandler = new DingTalkAuthenticationSuccessHandler();

	private AuthenticationFailureHandler failureHandler = new DingTalkAuthenticationFailureHandler();

	private DingTalkLoginConfigurer() {
	}

	/**
	 * A configurer for {@code http.with(dingTalkLogin(), withDefaults())}.
	 * @return a new configurer
	 */
	public static DingTalkLoginConfigurer dingTalkLogin() {
		return new DingTalkLoginConfigurer();
	}

	/**
	 * The URL the front end posts the auth code to (default {@code dingtalk.login.processing-url},
	 * else {@code /login/dingtalk}).
	 * @param processingUrl a path starting with {@code /}
	 * @return this configurer
	 */
	public DingTalkLoginConfigurer processingUrl(String processingUrl) {
		Assert.isTrue(processingUrl != null && processingUrl.startsWith("/") && !processingUrl.contains(" "),
				"'processingUrl' must be a path starting with '/'");
		this.processingUrl = processingUrl;
		return this;
	}

	/**
	 * Whether to fetch the user's details after the code is accepted (default
	 * {@code dingtalk.login.fetch-user-details}, else {@code true}).
	 * @param fetchUserDetails whether to fetch details
	 * @return this configurer
	 */
	public DingTalkLoginConfigurer fetchUserDetails(boolean fetchUserDetails) {
		this.fetchUserDetails = fetchUserDetails;
		return this;
	}

	/**
	 * The mapper of logged-in users (default: the {@link DingTalkUserMapper} bean, else
	 * {@link DingTalkUserMapper#defaults()}).
	 * @param userMapper the mapper
	 * @return this configurer
	 */
	public DingTalkLoginConfigurer userMapper(DingTalkUserMapper userMapper) {
		Assert.notNull(userMapper, "'userMapper' must not be null");
		this.userMapper = userMapper;
		return this;
	}

	/**
	 * The user API (default: the {@link UserApi} bean).
	 * @param userApi the user API
	 * @return this configurer
	 */
	public DingTalkLoginConfigurer userApi(UserApi userApi) {
		Assert.notNull(userApi, "'userApi' must not be null");
		this.userApi = userApi;
		return this;
	}

	/**
	 * The apps that log users in (default: the {@link DingTalkLoginApps} bean, else the app
	 * {@code default} on the {@link UserApi}). Wins over {@link #userApi(UserApi)}.
	 * @param loginApps the apps
	 * @return this configurer
	 */
	public DingTalkLoginConfigurer loginApps(DingTalkLoginApps loginApps) {
		Assert.notNull(loginApps, "'loginApps' must not be null");
		this.loginApps = loginApps;
		return this;
	}

	/**
	 * What answers a successful login (default {@link DingTalkAuthenticationSuccessHandler}).
	 * @param successHandler the handler
	 * @return this configurer
	 */
	public DingTalkLoginConfigurer successHandler(AuthenticationSuccessHandler successHandler) {
		Assert.notNull(successHandler, "'successHandler' must not be null");
		this.successHandler = successHandler;
		return this;
	}

	/**
	 * What answers a failed login (default {@link DingTalkAuthenticationFailureHandler}).
	 * @param failureHandler the handler
	 * @return this configurer
	 */
	public DingTalkLoginConfigurer failureHandler(AuthenticationFailureHandler failureHandler) {
		Assert.notNull(failureHandler, "'failureHandler' must not be null");
		this.failureHandler = failureHandler;
		return this;
	}

	@Override
	public void init(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		DingTalkLoginSettings settings = bean(context, DingTalkLoginSettings.class);
		if (settings == null) {
			settings = DingTalkLoginSettings.DEFAULTS;
		}
		if (this.processingUrl == null) {
			this.processingUrl = settings.processingUrl();
		}
		boolean fetch = (this.fetchUserDetails != null) ? this.fetchUserDetails : settings.fetchUserDetails();
		DingTalkUserMapper mapper = (this.userMapper != null) ? this.userMapper
				: bean(context, DingTalkUserMapper.class);
		this.loginApps = loginApps(context);
		http.authenticationProvider(postProcess(new DingTalkAuthenticationProvider(this.loginApps,
				(mapper != null) ? mapper : DingTalkUserMapper.defaults(), fetch)));
		@SuppressWarnings("unchecked")
		ExceptionHandlingConfigurer<HttpSecurity> exceptions = http.getConfigurer(ExceptionHandlingConfigurer.class);
		if (exceptions != null) {
			exceptions.defaultAuthenticationEntryPointFor(new DingTalkAuthenticationEntryPoint(),
					DingTalkAuthenticationEntryPoint.scriptRequests());
		}
	}

	@Override
	public void configure(HttpSecurity http) {
		RequestMatcher loginRequests = DingTalkLoginFilter.loginRequests(this.processingUrl);
		DingTalkLoginFilter filter = new DingTalkLoginFilter(this.processingUrl, this.loginApps);
		filter.setAuthenticationManager(http.getSharedObject(AuthenticationManager.class));
		filter.setAuthenticationSuccessHandler(this.successHandler);
		filter.setAuthenticationFailureHandler(this.failureHandler);
		SessionAuthenticationStrategy sessionStrategy = http.getSharedObject(SessionAuthenticationStrategy.class);
		if (sessionStrategy != null) {
			filter.setSessionAuthenticationStrategy(sessionStrategy);
		}
		RememberMeServices rememberMe = http.getSharedObject(RememberMeServices.class);
		if (rememberMe != null) {
			filter.setRememberMeServices(rememberMe);
		}
		SecurityContextRepository repository = http.getSharedObject(SecurityContextRepository.class);
		filter.setSecurityContextRepository((repository != null) ? repository
				: new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
						new HttpSessionSecurityContextRepository()));
		filter.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
		http.addFilterAt(postProcess(filter), UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(postProcess(new DingTalkLoginParametersFilter(loginRequests, this.failureHandler)),
				CsrfFilter.class);
	}

	private DingTalkLoginApps loginApps(@Nullable ApplicationContext context) {
		if (this.loginApps != null) {
			return this.loginApps;
		}
		if (this.userApi != null) {
			return DingTalkLoginApps.single(this.userApi, null);
		}
		DingTalkLoginApps apps = bean(context, DingTalkLoginApps.class);
		if (apps != null) {
			return apps;
		}
		UserApi api = bean(context, UserApi.class);
		if (api == null) {
			throw new IllegalStateException("DingTalk free login needs a UserApi bean: set dingtalk.app-key and "
					+ "dingtalk.app-secret, or pass one to DingTalkLoginConfigurer.userApi(...)");
		}
		return DingTalkLoginApps.single(api, null);
	}

	private static <T> @Nullable T bean(@Nullable ApplicationContext context, Class<T> type) {
		return (context != null) ? context.getBeanProvider(type).getIfUnique() : null;
	}

}
