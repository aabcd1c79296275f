package io.dingboot.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import io.dingboot.apps.DingTalkAppSettings;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.callback.DingTalkCallbackCrypto;
import io.dingboot.jsapi.web.PageOrigin;
import io.dingboot.token.TokenEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * The one place that checks DingBoot's properties and words the failures. It runs as a
 * {@link BeanFactoryPostProcessor}: the {@code dingtalk.*} properties are bound and checked before
 * any bean is created, so a wrong or incomplete app fails with the property to fix whatever beans
 * the application injects, and never with a missing bean that a condition left out.
 * <p>
 * The checks of one app are a function of that app's settings and its property prefix
 * ({@link #checkApp}), so that the same checks serve the top-level app ({@code dingtalk.}), apps
 * under {@code dingtalk.apps.<name>.} and apps registered at runtime.
 */
final class DingTalkPropertiesValidator implements BeanFactoryPostProcessor, EnvironmentAware, BeanClassLoaderAware {

	/** Prefix of the top-level app's properties, the app named {@code default}. */
	static final String TOP_LEVEL = "dingtalk.";

	static final String SECURITY_FILTER_CHAIN = "org.springframework.security.web.SecurityFilterChain";

	static final String REDIS_CONNECTION_FACTORY = "org.springframework.data.redis.connection.RedisConnectionFactory";

	private static final long MAX_CALLBACK_BODY = DataSize.ofMegabytes(16).toBytes();

	private @Nullable Environment environment;

	private ClassLoader classLoader = DingTalkPropertiesValidator.class.getClassLoader();

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.environment == null) {
			return;
		}
		// the bind the conditions made, if any, then let go: the properties bean binds when it is created
		BoundDingTalkProperties bound = BoundDingTalkProperties.get(beanFactory, this.environment);
		BoundDingTalkProperties.release(beanFactory);
		DingTalkProperties properties = bound.orNull();
		// without any dingtalk.* property the defaults apply, and they are valid
		if (properties != null) {
			validate(properties, this.classLoader, () -> hasBean(beanFactory, REDIS_CONNECTION_FACTORY));
		}
	}

	private boolean hasBean(ConfigurableListableBeanFactory beanFactory, String typeName) {
		Class<?> type = ClassUtils.resolveClassName(typeName, this.classLoader);
		return beanFactory.getBeanNamesForType(type, true, false).length > 0;
	}

	/**
	 * Check every {@code dingtalk.*} property.
	 * @param properties the bound properties
	 * @param classLoader the application's class loader
	 * @param redisConnectionFactory whether the application has a Redis connection factory bean
	 * @throws InvalidDingTalkPropertyException naming the first property to fix
	 */
	static void validate(DingTalkProperties properties, ClassLoader classLoader, BooleanSupplier redisConnectionFactory) {
		AppSettings app = AppSettings.of(properties);
		if (!app.hasCredentials() && !properties.getApps().isEmpty()) {
			// named apps only: there is no app 'default', so login and dd.config are theirs alone
			app = app.withoutLoginAndJsapi();
		}
		InvalidDingTalkPropertyException problem = checkApp(TOP_LEVEL, app);
		if (problem != null) {
			throw problem;
		}
		validateApps(properties.getApps(), properties.getToken().getEndpoint());
		if (app.hasCredentials()) {
			throwIfAny(checkTokenEndpoint(TOP_LEVEL, properties.getToken().getEndpoint(), properties.hasAppCredentials()));
		}
		validateBaseUrl("dingtalk.base-url", properties.getBaseUrl(), DingTalkProperties.DEFAULT_BASE_URL);
		validateBaseUrl("dingtalk.api-base-url", properties.getApiBaseUrl(), DingTalkProperties.DEFAULT_API_BASE_URL);
		positive("dingtalk.http.connect-timeout", properties.getHttp().getConnectTimeout());
		positive("dingtalk.http.read-timeout", properties.getHttp().getReadTimeout());
		validateRetry(properties.getRetry());
		validateToken(properties.getToken(), app.hasCredentials() || !properties.getApps().isEmpty(), classLoader,
				redisConnectionFactory);
		validateLogin(properties.getLogin(), classLoader);
		if (DingTalkFeature.JSAPI.isOpen(properties.getJsapi().isEnabled(), properties.getApps())) {
			validateJsapi(properties.getJsapi());
			validateJsapiApps(properties);
		}
		if (CallbackParticipants.anyEnabled(properties)) {
			validateCallback(properties.getCallback());
			validateAppCallbacks(properties);
		}
	}

	/**
	 * Check the callback settings of every named app that takes part in callbacks (see
	 * {@link CallbackParticipants}); the app {@code default} is checked with the top-level keys.
	 */
	private static void validateAppCallbacks(DingTalkProperties properties) {
		for (CallbackParticipants.Participant participant : CallbackParticipants.of(properties)) {
			if (participant.isDefault()) {
				continue;
			}
			DingTalkProperties.App app = properties.getApps().get(participant.name());
			InvalidDingTalkPropertyException problem = checkCallbackKeys(participant.prefix(),
					new AppSettings(app.getAppKey(), app.getAppSecret(), app.getCorpId(), app.getCorpSecret(),
							app.getAgentId(), false, false, true, participant.token(), participant.aesKey(),
							app.getCallback().getOwnerKey()));
			if (problem != null) {
				throw problem;
			}
		}
	}

	private static void throwIfAny(@Nullable InvalidDingTalkPropertyException problem) {
		if (problem != null) {
			throw problem;
		}
	}

	/**
	 * Check that an app can fetch its token from {@code dingtalk.token.endpoint}: the v1.0
	 * endpoint takes an app key and secret only.
	 * @param prefix the app's property prefix
	 * @param endpoint the token endpoint
	 * @param hasAppCredentials whether the app has its app key and secret
	 * @return the problem, or {@code null}
	 */
	static @Nullable InvalidDingTalkPropertyException checkTokenEndpoint(String prefix, TokenEndpoint endpoint,
			boolean hasAppCredentials) {
		if (endpoint != TokenEndpoint.V1 || hasAppCredentials) {
			return null;
		}
		return InvalidDingTalkPropertyException.missing(prefix + "app-key",
				"dingtalk.token.endpoint is v1, which fetches tokens with an app key and secret only, and "
						+ (TOP_LEVEL.equals(prefix) ? "the top-level app" : prefix.substring(0, prefix.length() - 1))
						+ " has corp-id/corp-secret only",
				"set " + prefix + "app-key and " + prefix + "app-secret, or dingtalk.token.endpoint=legacy");
	}

	/**
	 * Check a base URL given as a URI (an app registered at runtime).
	 * @param property the property it stands for
	 * @param url the URL, or {@code null} when not set
	 * @param example an example value
	 * @return the problem, or {@code null}
	 */
	static @Nullable InvalidDingTalkPropertyException checkBaseUrl(String property, @Nullable URI url, String example) {
		if (url == null) {
			return null;
		}
		try {
			validateBaseUrl(property, url.toString(), example);
			return null;
		}
		catch (InvalidDingTalkPropertyException ex) {
			return ex;
		}
	}

	private static void validateApps(Map<String, DingTalkProperties.App> apps, TokenEndpoint tokenEndpoint) {
		for (Map.Entry<String, DingTalkProperties.App> entry : apps.entrySet()) {
			String name = entry.getKey();
			String prefix = TOP_LEVEL + "apps." + name + ".";
			try {
				DingTalkApps.checkName(name);
			}
			catch (IllegalArgumentException ex) {
				throw InvalidDingTalkPropertyException.malformed(TOP_LEVEL + "apps." + name, ex.getMessage(),
						DingTalkApps.DEFAULT.equals(name)
								? "define the default app with the top-level dingtalk.* keys, or pick another name"
								: "name the app with lowercase letters, digits and '-', such as 'hr' or 'oa-2'");
			}
			DingTalkProperties.App app = entry.getValue();
			if (app.getBaseUrl() != null) {
				validateBaseUrl(prefix + "base-url", app.getBaseUrl(), DingTalkProperties.DEFAULT_BASE_URL);
			}
			if (app.getApiBaseUrl() != null) {
				validateBaseUrl(prefix + "api-base-url", app.getApiBaseUrl(), DingTalkProperties.DEFAULT_API_BASE_URL);
			}
			InvalidDingTalkPropertyException problem = checkApp(prefix,
					AppSettings.of(new DingTalkAppSettings(app.getAppKey(), app.getAppSecret(), app.getCorpId(),
							app.getCorpSecret(), app.getAgentId(), app.getRobotCode())));
			if (problem != null) {
				throw problem;
			}
			throwIfAny(checkTokenEndpoint(prefix, tokenEndpoint, app.hasAppCredentials()));
		}
	}

	/**
	 * Check one app's settings.
	 * @param prefix the app's property prefix, {@code dingtalk.} for the top-level app or e.g.
	 * {@code dingtalk.apps.hr.}
	 * @param app the app's settings
	 * @return the problem, naming the full property to fix, or {@code null} when the app is
	 * complete
	 */
	static @Nullable InvalidDingTalkPropertyException checkApp(String prefix, AppSettings app) {
		String appKey = prefix + "app-key";
		String appSecret = prefix + "app-secret";
		String corpId = prefix + "corp-id";
		String corpSecret = prefix + "corp-secret";
		if (has(app.appSecret()) && !has(app.appKey())) {
			return InvalidDingTalkPropertyException.missing(appKey, appSecret + " is",
					"set " + appKey + " (the app's Client ID, AppKey) to go with " + appSecret + ", or remove "
							+ appSecret);
		}
		if (has(app.appKey()) && !has(app.appSecret())) {
			return InvalidDingTalkPropertyException.missing(appSecret, appKey + " is",
					"set " + appSecret + " (the app's Client Secret, AppSecret, from the developer console)");
		}
		if (has(app.corpSecret()) && !has(app.corpId())) {
			return InvalidDingTalkPropertyException.missing(corpId, corpSecret + " is",
					"set " + corpId + " (the organisation's CorpId, starting with 'ding') to go with " + corpSecret
							+ ", or remove " + corpSecret);
		}
		if (app.agentId() != null && app.agentId() <= 0) {
			return InvalidDingTalkPropertyException.outOfRange(prefix + "agent-id", app.agentId(), "positive",
					"set " + prefix + "agent-id to the app's AgentId from the developer console");
		}
		String credentialsAction = "set " + appKey + " and " + appSecret
				+ " (the app's Client ID and Client Secret), which ";
		if (!app.hasCredentials()) {
			if (!TOP_LEVEL.equals(prefix)) {
				return InvalidDingTalkPropertyException.missing(appKey,
						"the app " + prefix.substring(0, prefix.length() - 1) + " is defined",
						credentialsAction + "every app needs");
			}
			if (app.login()) {
				return InvalidDingTalkPropertyException.missing(appKey, "dingtalk.login.enabled is true",
						credentialsAction + "free login needs to call DingTalk");
			}
			if (app.jsapi()) {
				return InvalidDingTalkPropertyException.missing(appKey, "dingtalk.jsapi.enabled is true",
						credentialsAction + "the JSAPI ticket of dd.config needs");
			}
		}
		if (app.jsapi()) {
			if (!has(app.corpId())) {
				return InvalidDingTalkPropertyException.missing(corpId, "dingtalk.jsapi.enabled is true",
						"set " + corpId + " to the organisation's CorpId (starts with 'ding'), which dd.config needs");
			}
			if (app.agentId() == null) {
				return InvalidDingTalkPropertyException.missing(prefix + "agent-id", "dingtalk.jsapi.enabled is true",
						"set " + prefix + "agent-id to the app's AgentId from the developer console, which dd.config needs");
			}
		}
		if (app.callback()) {
			return checkCallbackKeys(prefix, app);
		}
		return null;
	}

	private static @Nullable InvalidDingTalkPropertyException checkCallbackKeys(String prefix, AppSettings app) {
		String aesKey = prefix + "callback.aes-key";
		String token = prefix + "callback.token";
		String reason = TOP_LEVEL.equals(prefix) ? "dingtalk.callback.enabled is true"
				: "the app " + prefix.substring(0, prefix.length() - 1) + " takes part in callbacks";
		if (!has(app.callbackAesKey())) {
			return InvalidDingTalkPropertyException.missing(aesKey, reason,
					"copy the aes_key (EncodingAESKey) from the developer console, 事件订阅 page");
		}
		if (!DingTalkCallbackCrypto.isValidAesKey(app.callbackAesKey())) {
			return InvalidDingTalkPropertyException.malformed(aesKey,
					"must be 43 characters [A-Za-z0-9] but has " + app.callbackAesKey().length() + " characters",
					"copy the aes_key (EncodingAESKey) from the developer console exactly, without spaces or '='");
		}
		if (!has(app.callbackToken())) {
			return InvalidDingTalkPropertyException.missing(token, reason,
					"copy the token from the developer console, 事件订阅 page");
		}
		boolean ownerKey = app.callbackOwnerKeys().stream().anyMatch(DingTalkPropertiesValidator::has)
				|| has(app.appKey()) || has(app.corpId());
		if (!ownerKey) {
			return InvalidDingTalkPropertyException.missing(prefix + "callback.owner-key",
					"neither " + prefix + "app-key nor " + prefix + "corp-id is",
					"set " + prefix + "app-key (console subscriptions are encrypted for the AppKey), " + prefix
							+ "corp-id (register_call_back) or list the keys in " + prefix + "callback.owner-key");
		}
		return null;
	}

	private static void validateBaseUrl(String property, @Nullable String baseUrl, String example) {
		String action = "use an absolute http(s) URL such as " + example;
		if (!has(baseUrl)) {
			throw InvalidDingTalkPropertyException.missing(property, action);
		}
		try {
			URI uri = new URI(baseUrl);
			String scheme = uri.getScheme();
			if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
					|| uri.getQuery() != null || uri.getFragment() != null) {
				throw InvalidDingTalkPropertyException.malformed(property, "'" + baseUrl + "' is not an http(s) URL",
						action);
			}
		}
		catch (URISyntaxException ex) {
			throw InvalidDingTalkPropertyException.malformed(property, "'" + baseUrl + "' is not a valid URL", action);
		}
	}

	private static void validateRetry(DingTalkProperties.Retry retry) {
		if (retry.getMaxAttempts() < 1 || retry.getMaxAttempts() > 10) {
			throw InvalidDingTalkPropertyException.outOfRange("dingtalk.retry.max-attempts", retry.getMaxAttempts(),
					"between 1 and 10", "set 1 to turn retries off, or a small number such as 3");
		}
		positive("dingtalk.retry.initial-backoff", retry.getInitialBackoff());
		positive("dingtalk.retry.max-backoff", retry.getMaxBackoff());
		if (retry.getMaxBackoff().compareTo(retry.getInitialBackoff()) < 0) {
			throw InvalidDingTalkPropertyException.outOfRange("dingtalk.retry.max-backoff", retry.getMaxBackoff(),
					"at least dingtalk.retry.initial-backoff (" + retry.getInitialBackoff() + ")",
					"make it at least as long as the initial backoff");
		}
	}

	private static void validateToken(DingTalkProperties.Token token, boolean credentials, ClassLoader classLoader,
			BooleanSupplier redisConnectionFactory) {
		positive("dingtalk.token.refresh-margin", token.getRefreshMargin());
		notNegative("dingtalk.token.failure-backoff", token.getFailureBackoff());
		if (token.getStore() != DingTalkProperties.Token.Store.REDIS) {
			return;
		}
		if (!ClassUtils.isPresent(REDIS_CONNECTION_FACTORY, classLoader)) {
			throw InvalidDingTalkPropertyException.unsupported("dingtalk.token.store",
					"is 'redis' but Spring Data Redis is not on the classpath",
					"add spring-boot-starter-data-redis, or set dingtalk.token.store=memory");
		}
		if (token.getRedis().getKeyPrefix() == null) {
			throw InvalidDingTalkPropertyException.missing("dingtalk.token.redis.key-prefix",
					"set a prefix such as 'dingtalk:' or an empty string");
		}
		Duration lockTimeout = token.getRedis().getLockTimeout();
		if (lockTimeout == null || lockTimeout.toMillis() <= 0) {
			throw InvalidDingTalkPropertyException.outOfRange("dingtalk.token.redis.lock-timeout", lockTimeout,
					"at least 1ms", "set a duration a little longer than a token fetch, such as 5s");
		}
		if (credentials && !redisConnectionFactory.getAsBoolean()) {
			throw InvalidDingTalkPropertyException.unsupported("dingtalk.token.store",
					"is 'redis' but the application has no RedisConnectionFactory bean",
					"configure Redis (spring.data.redis.host/port with spring-boot-starter-data-redis), "
							+ "or set dingtalk.token.store=memory");
		}
	}

	private static void validateLogin(DingTalkProperties.Login login, ClassLoader classLoader) {
		if (login.isEnabled() && !ClassUtils.isPresent(SECURITY_FILTER_CHAIN, classLoader)) {
			throw InvalidDingTalkPropertyException.unsupported("dingtalk.login.enabled",
					"is true but Spring Security is not on the classpath",
					"add spring-boot-starter-security, or set dingtalk.login.enabled=false");
		}
		String url = login.getProcessingUrl();
		if (!isPath(url)) {
			throw InvalidDingTalkPropertyException.malformed("dingtalk.login.processing-url",
					"'" + url + "' is not a path starting with '/'", "use a path such as /login/dingtalk");
		}
	}

	private static void validateJsapi(DingTalkProperties.Jsapi jsapi) {
		String path = jsapi.getPath();
		if (!isPath(path)) {
			throw InvalidDingTalkPropertyException.malformed("dingtalk.jsapi.path",
					"'" + path + "' is not a path starting with '/'", "use a path such as /dingtalk/jsapi/config");
		}
		for (String origin : jsapi.getAllowedOrigins()) {
			try {
				PageOrigin.parseOrigin((origin != null) ? origin.strip() : null);
			}
			catch (IllegalArgumentException ex) {
				throw InvalidDingTalkPropertyException.malformed("dingtalk.jsapi.allowed-origins",
						"'" + origin + "' is not an origin",
						"list origins as scheme://host[:port], e.g. https://app.example.com");
			}
		}
	}

	/**
	 * Every {@code dingtalk.apps.<name>} that signs dd.config has the corp id and agent id it needs.
	 */
	private static void validateJsapiApps(DingTalkProperties properties) {
		Predicate<String> takesPart = DingTalkFeature.JSAPI
			.takesPart(properties.getJsapi().isEnabled(), properties.getApps());
		for (Map.Entry<String, DingTalkProperties.App> entry : properties.getApps().entrySet()) {
			String name = entry.getKey();
			if (!takesPart.test(name)) {
				continue;
			}
			String prefix = TOP_LEVEL + "apps." + name + ".";
			String reason = DingTalkFeature.JSAPI.property() + " is true";
			if (Boolean.TRUE.equals(entry.getValue().getJsapi().getEnabled())) {
				reason = DingTalkFeature.JSAPI.property(name) + " is true";
			}
			String leaveOut = ", or set " + DingTalkFeature.JSAPI.property(name) + "=false to leave this app out";
			if (!has(entry.getValue().getCorpId())) {
				throw InvalidDingTalkPropertyException.missing(prefix + "corp-id", reason, "set " + prefix
						+ "corp-id to the organisation's CorpId (starts with 'ding'), which dd.config needs" + leaveOut);
			}
			if (entry.getValue().getAgentId() == null) {
				throw InvalidDingTalkPropertyException.missing(prefix + "agent-id", reason, "set " + prefix
						+ "agent-id to the app's AgentId from the developer console, which dd.config needs" + leaveOut);
			}
		}
	}

	private static void validateCallback(DingTalkProperties.Callback callback) {
		String path = callback.getPath();
		if (!isPath(path) || path.length() < 2 || path.contains("*") || path.contains("?")) {
			throw InvalidDingTalkPropertyException.malformed("dingtalk.callback.path",
					"must be an exact path such as /dingtalk/callback but is '" + path + "'",
					"set a path that starts with '/' and has no wildcard");
		}
		positive("dingtalk.callback.dedupe-window", callback.getDedupeWindow());
		positive("dingtalk.callback.timestamp-skew", callback.getTimestampSkew());
		DataSize maxBodySize = callback.getMaxBodySize();
		if (maxBodySize == null || maxBodySize.toBytes() <= 0 || maxBodySize.toBytes() > MAX_CALLBACK_BODY) {
			throw InvalidDingTalkPropertyException.outOfRange("dingtalk.callback.max-body-size", maxBodySize,
					"between 1B and 16MB", "keep the default 64KB");
		}
	}

	private static boolean isPath(@Nullable String path) {
		return has(path) && path.startsWith("/") && path.chars().noneMatch(Character::isWhitespace);
	}

	private static void positive(String name, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw InvalidDingTalkPropertyException.outOfRange(name, value, "positive",
					"set a positive duration such as 5s");
		}
	}

	private static void notNegative(String name, @Nullable Duration value) {
		if (value == null || value.isNegative()) {
			throw InvalidDingTalkPropertyException.outOfRange(name, value, "zero or positive",
					"set a duration such as 1s");
		}
	}

	private static boolean has(@Nullable String text) {
		return StringUtils.hasText(text);
	}

	/**
	 * One app's settings as the checks see them, wherever they were bound from (the top-level
	 * {@code dingtalk.*} keys, {@code dingtalk.apps.<name>.*} or an app registered at runtime).
	 *
	 * @param appKey the AppKey
	 * @param appSecret the AppSecret
	 * @param corpId the CorpId
	 * @param corpSecret the legacy CorpSecret
	 * @param agentId the AgentId
	 * @param login whether free login is on for this app
	 * @param jsapi whether the dd.config endpoint is on for this app
	 * @param callback whether the callback endpoint is on for this app
	 * @param callbackToken the callback token
	 * @param callbackAesKey the callback EncodingAESKey
	 * @param callbackOwnerKeys the keys a push may be encrypted for, empty for the defaults
	 */
	record AppSettings(@Nullable String appKey, @Nullable String appSecret, @Nullable String corpId,
			@Nullable String corpSecret, @Nullable Long agentId, boolean login, boolean jsapi, boolean callback,
			@Nullable String callbackToken, @Nullable String callbackAesKey, Set<String> callbackOwnerKeys) {

		static AppSettings of(DingTalkProperties properties) {
			DingTalkProperties.Callback callback = properties.getCallback();
			return new AppSettings(properties.getAppKey(), properties.getAppSecret(), properties.getCorpId(),
					properties.getCorpSecret(), properties.getAgentId(), properties.getLogin().isEnabled(),
					properties.getJsapi().isEnabled(), CallbackParticipants.defaultTakesPart(properties),
					callback.getToken(), callback.getAesKey(),
					callback.getOwnerKey());
		}

		static AppSettings of(DingTalkAppSettings app) {
			return new AppSettings(app.appKey(), app.appSecret(), app.corpId(), app.corpSecret(), app.agentId(), false,
					false, false, null, null, Set.of());
		}

		AppSettings withoutLoginAndJsapi() {
			return new AppSettings(this.appKey, this.appSecret, this.corpId, this.corpSecret, this.agentId, false,
					false, this.callback, this.callbackToken, this.callbackAesKey, this.callbackOwnerKeys);
		}

		boolean hasCredentials() {
			return (has(this.appKey) && has(this.appSecret)) || (has(this.corpId) && has(this.corpSecret));
		}

		@Override
		public String toString() {
			return "AppSettings{appKey=" + this.appKey + ", corpId=" + this.corpId + ", agentId=" + this.agentId + "}";
		}

	}

}
