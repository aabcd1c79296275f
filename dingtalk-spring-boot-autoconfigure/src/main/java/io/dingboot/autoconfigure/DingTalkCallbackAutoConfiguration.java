package io.dingboot.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.dingboot.callback.CallbackApp;
import io.dingboot.callback.CallbackDeduplicator;
import io.dingboot.callback.CallbackDispatcher;
import io.dingboot.callback.CallbackObserver;
import io.dingboot.callback.DingTalkCallbackCrypto;
import io.dingboot.callback.DingTalkCallbackServlet;
import jakarta.servlet.http.HttpServlet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of DingTalk event callbacks (回调), on with
 * {@code dingtalk.callback.enabled=true} (or {@code dingtalk.apps.<name>.callback.enabled=true}):
 * the crypto of the app {@code default}, the deduplicator, the dispatcher that publishes
 * {@link io.dingboot.callback.DingTalkEvent}s, the endpoint (servlet web applications) at
 * {@code dingtalk.callback.path} for the app {@code default} and at
 * {@code dingtalk.callback.path/<name>} for every other app that takes part (see
 * {@link CallbackParticipants}), each with its own token, aes-key and owner keys, and a security
 * filter chain that lets DingTalk reach it without login or CSRF token (when Spring Security is
 * present). The client for
 * failed pushes is {@link DingTalkCallbackFailedResultAutoConfiguration}'s, present with credentials
 * alone.
 */
@AutoConfiguration(after = { DingTalkAutoConfiguration.class, DingTalkRedisAutoConfiguration.class,
		DingTalkLoginAutoConfiguration.class }, afterName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
@Conditional(CallbackCondition.Enabled.class)
@EnableConfigurationProperties(DingTalkProperties.class)
@Import(CallbackDeduplicationConfiguration.class)
public final class DingTalkCallbackAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Conditional(CallbackCondition.DefaultApp.class)
	DingTalkCallbackCrypto dingTalkCallbackCrypto(DingTalkProperties properties) {
		DingTalkProperties.Callback callback = properties.getCallback();
		if (!StringUtils.hasText(callback.getAesKey())) {
			throw new InvalidDingTalkPropertyException("dingtalk.callback.aes-key", "is not set",
					"copy the aes_key (EncodingAESKey) from the developer console, 事件订阅 page");
		}
		if (!DingTalkCallbackCrypto.isValidAesKey(callback.getAesKey())) {
			throw new InvalidDingTalkPropertyException("dingtalk.callback.aes-key",
					"must be 43 characters [A-Za-z0-9] but has " + callback.getAesKey().length() + " characters",
					"copy the aes_key (EncodingAESKey) from the developer console exactly, without spaces or '='");
		}
		if (!StringUtils.hasText(callback.getToken())) {
			throw new InvalidDingTalkPropertyException("dingtalk.callback.token", "is not set",
					"copy the token from the developer console, 事件订阅 page");
		}
		return new DingTalkCallbackCrypto(callback.getToken(), callback.getAesKey());
	}

	@Bean
	@ConditionalOnMissingBean
	CallbackDispatcher dingTalkCallbackDispatcher(ApplicationEventPublisher publisher,
			CallbackDeduplicator deduplicator, DingTalkProperties properties,
			ObjectProvider<CallbackObserver> observers) {
		Duration window = positive("dingtalk.callback.dedupe-window", properties.getCallback().getDedupeWindow());
		return new CallbackDispatcher(publisher, deduplicator, window, observers.orderedStream().toList());
	}

	static Set<String> ownerKeys(DingTalkProperties properties) {
		Set<String> keys = new LinkedHashSet<>();
		properties.getCallback().getOwnerKey().stream().filter(StringUtils::hasText).map(String::trim).forEach(keys::add);
		if (keys.isEmpty()) {
			if (StringUtils.hasText(properties.getAppKey())) {
				keys.add(properties.getAppKey().trim());
			}
			if (StringUtils.hasText(properties.getCorpId())) {
				keys.add(properties.getCorpId().trim());
			}
		}
		if (keys.isEmpty()) {
			throw new InvalidDingTalkPropertyException("dingtalk.callback.owner-key",
					"is not set, and neither dingtalk.app-key nor dingtalk.corp-id is",
					"set dingtalk.app-key (console subscriptions are encrypted for the AppKey), dingtalk.corp-id "
							+ "(register_call_back) or list the keys in dingtalk.callback.owner-key");
		}
		return keys;
	}

	private static Duration positive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidDingTalkPropertyException(name, "must be positive but is " + value,
					"set a positive duration such as 10m");
		}
		return value;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ HttpServlet.class, ServletRegistrationBean.class })
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "dingTalkCallbackServletRegistration")
		ServletRegistrationBean<DingTalkCallbackServlet> dingTalkCallbackServletRegistration(
				ObjectProvider<DingTalkCallbackCrypto> defaultCrypto, CallbackDispatcher dispatcher,
				DingTalkProperties properties) {
			DingTalkProperties.Callback callback = properties.getCallback();
			String path = path(properties);
			Duration skew = positive("dingtalk.callback.timestamp-skew", callback.getTimestampSkew());
			long maxBodySize = (callback.getMaxBodySize() != null) ? callback.getMaxBodySize().toBytes() : -1;
			if (maxBodySize <= 0 || maxBodySize > 16L * 1024 * 1024) {
				throw new InvalidDingTalkPropertyException("dingtalk.callback.max-body-size",
						"must be between 1B and 16MB but is " + callback.getMaxBodySize(), "keep the default 64KB");
			}
			DingTalkCallbackServlet servlet = new DingTalkCallbackServlet(callbackApps(properties, defaultCrypto),
					dispatcher, skew, maxBodySize, Clock.systemUTC());
			ServletRegistrationBean<DingTalkCallbackServlet> registration = new ServletRegistrationBean<>(servlet,
					path, path + "/*");
			registration.setName("dingTalkCallback");
			return registration;
		}

	}

	/**
	 * The apps the endpoint answers for: {@code default} with the crypto bean (which an
	 * application may replace), every other app with the crypto of its own token and aes-key.
	 */
	static List<CallbackApp> callbackApps(DingTalkProperties properties,
			ObjectProvider<DingTalkCallbackCrypto> defaultCrypto) {
		List<CallbackApp> apps = new ArrayList<>();
		for (CallbackParticipants.Participant participant : CallbackParticipants.of(properties)) {
			if (participant.isDefault()) {
				DingTalkCallbackCrypto crypto = defaultCrypto.getIfAvailable();
				if (crypto != null) {
					apps.add(new CallbackApp(participant.name(), crypto, ownerKeys(properties)));
				}
			}
			else {
				apps.add(new CallbackApp(participant.name(),
						new DingTalkCallbackCrypto(participant.token(), participant.aesKey()), participant.ownerKeys()));
			}
		}
		return apps;
	}

	static String path(DingTalkProperties properties) {
		String path = properties.getCallback().getPath();
		if (!StringUtils.hasText(path) || !path.startsWith("/") || path.contains("*") || path.contains("?")
				|| path.length() < 2) {
			throw new InvalidDingTalkPropertyException("dingtalk.callback.path",
					"must be an exact path such as /dingtalk/callback but is '" + path + "'",
					"set a path that starts with '/' and has no wildcard");
		}
		return path;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
	@ConditionalOnBean(HttpSecurity.class)
	static class SecurityConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE + 10)
		@ConditionalOnMissingBean(name = "dingTalkCallbackSecurityFilterChain")
		SecurityFilterChain dingTalkCallbackSecurityFilterChain(HttpSecurity http, DingTalkProperties properties)
				throws Exception {
			String path = path(properties);
			http.securityMatcher(path, path + "/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf(AbstractHttpConfigurer::disable)
				.requestCache(AbstractHttpConfigurer::disable)
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
			return http.build();
		}

	}

}
