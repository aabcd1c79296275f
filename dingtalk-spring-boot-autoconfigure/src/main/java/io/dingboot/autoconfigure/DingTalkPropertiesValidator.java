package io.dingboot.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Checks the {@code dingtalk.*} properties at startup, so that a wrong combination fails there
 * with the property to fix rather than at the first call.
 */
final class DingTalkPropertiesValidator implements InitializingBean, BeanClassLoaderAware {

	static final String SECURITY_FILTER_CHAIN = "org.springframework.security.web.SecurityFilterChain";

	static final String REDIS_CONNECTION_FACTORY = "org.springframework.data.redis.connection.RedisConnectionFactory";

	private final ObjectProvider<DingTalkProperties> properties;

	private ClassLoader classLoader = DingTalkPropertiesValidator.class.getClassLoader();

	DingTalkPropertiesValidator(ObjectProvider<DingTalkProperties> properties) {
		this.properties = properties;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void afterPropertiesSet() {
		validate(this.properties.getObject(), this.classLoader);
	}

	static void validate(DingTalkProperties properties, ClassLoader classLoader) {
		pair("dingtalk.app-key", properties.getAppKey(), "dingtalk.app-secret", properties.getAppSecret(), true);
		pair("dingtalk.corp-id", properties.getCorpId(), "dingtalk.corp-secret", properties.getCorpSecret(), false);
		validateBaseUrl(properties.getBaseUrl());
		positive("dingtalk.http.connect-timeout", properties.getHttp().getConnectTimeout());
		positive("dingtalk.http.read-timeout", properties.getHttp().getReadTimeout());
		if (properties.getRetry().getMaxAttempts() < 1 || properties.getRetry().getMaxAttempts() > 10) {
			throw new InvalidDingTalkPropertyException("dingtalk.retry.max-attempts",
					"must be between 1 and 10 but is " + properties.getRetry().getMaxAttempts(),
					"set 1 to turn retries off, or a small number such as 3");
		}
		if (properties.getRetry().getMaxBackoff().compareTo(properties.getRetry().getInitialBackoff()) < 0) {
			throw new InvalidDingTalkPropertyException("dingtalk.retry.max-backoff",
					"is shorter than dingtalk.retry.initial-backoff", "make it at least as long as the initial backoff");
		}
		positive("dingtalk.token.refresh-margin", properties.getToken().getRefreshMargin());
		if (properties.getLogin().isEnabled() && !ClassUtils.isPresent(SECURITY_FILTER_CHAIN, classLoader)) {
			throw new InvalidDingTalkPropertyException("dingtalk.login.enabled",
					"is true but Spring Security is not on the classpath",
					"add spring-boot-starter-security, or set dingtalk.login.enabled=false");
		}
		if (properties.getToken().getStore() == DingTalkProperties.Token.Store.REDIS
				&& !ClassUtils.isPresent(REDIS_CONNECTION_FACTORY, classLoader)) {
			throw new InvalidDingTalkPropertyException("dingtalk.token.store",
					"is 'redis' but Spring Data Redis is not on the classpath",
					"add spring-boot-starter-data-redis, or set dingtalk.token.store=memory");
		}
	}

	private static void pair(String idName, String id, String secretName, String secret, boolean idNeedsSecret) {
		if (StringUtils.hasText(secret) && !StringUtils.hasText(id)) {
			throw new InvalidDingTalkPropertyException(idName, "is not set but " + secretName + " is",
					"set " + idName + " to go with " + secretName + ", or remove " + secretName);
		}
		if (idNeedsSecret && StringUtils.hasText(id) && !StringUtils.hasText(secret)) {
			throw new InvalidDingTalkPropertyException(secretName, "is not set but " + idName + " is",
					"set " + secretName + " (the app's Client Secret from the developer console)");
		}
	}

	private static void validateBaseUrl(String baseUrl) {
		String action = "use an absolute http(s) URL such as " + DingTalkProperties.DEFAULT_BASE_URL;
		if (!StringUtils.hasText(baseUrl)) {
			throw new InvalidDingTalkPropertyException("dingtalk.base-url", "is empty", action);
		}
		try {
			URI uri = new URI(baseUrl);
			String scheme = uri.getScheme();
			if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
					|| uri.getQuery() != null || uri.getFragment() != null) {
				throw new InvalidDingTalkPropertyException("dingtalk.base-url", "'" + baseUrl + "' is not an http(s) URL",
						action);
			}
		}
		catch (URISyntaxException ex) {
			throw new InvalidDingTalkPropertyException("dingtalk.base-url", "'" + baseUrl + "' is not a valid URL",
					action);
		}
	}

	private static void positive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidDingTalkPropertyException(name, "must be positive but is " + value,
					"set a positive duration such as 5s");
		}
	}

}
