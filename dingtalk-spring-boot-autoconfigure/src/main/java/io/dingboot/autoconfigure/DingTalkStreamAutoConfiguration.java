package io.dingboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dingboot.apps.DingTalkApps;
import io.dingboot.callback.CallbackDeduplicator;
import io.dingboot.callback.CallbackDispatcher;
import io.dingboot.callback.CallbackObserver;
import io.dingboot.stream.CardCallbackListener;
import io.dingboot.stream.DingTalkStreamClient;
import io.dingboot.stream.RobotListenerMethodFactory;
import io.dingboot.stream.StreamApp;
import io.dingboot.stream.StreamListener;
import io.dingboot.stream.StreamSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Auto-configuration of Stream mode (Stream 模式), on with {@code dingtalk.stream.enabled=true}
 * (every app with app-key and app-secret) or {@code dingtalk.apps.<name>.stream.enabled=true} (that
 * app): the {@link DingTalkStreamClient} that connects when the context has started, and the
 * callback deduplicator and dispatcher it shares with the HTTP callback endpoint. Apps
 * {@linkplain DingTalkApps#register registered} at runtime connect too (when their switch is on),
 * and apps removed close their connection. Methods annotated with
 * {@link io.dingboot.stream.DingTalkRobotListener} take the robot messages they filter for. Needs
 * no web server.
 */
@AutoConfiguration(after = { DingTalkAutoConfiguration.class, DingTalkRedisAutoConfiguration.class,
		DingTalkCallbackAutoConfiguration.class })
@Conditional(OnStreamEnabledCondition.class)
@EnableConfigurationProperties(DingTalkProperties.class)
@Import(CallbackDeduplicationConfiguration.class)
public final class DingTalkStreamAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CallbackDispatcher dingTalkCallbackDispatcher(ApplicationEventPublisher publisher,
			CallbackDeduplicator deduplicator, DingTalkProperties properties,
			ObjectProvider<CallbackObserver> observers) {
		Duration window = positive("dingtalk.callback.dedupe-window", properties.getCallback().getDedupeWindow());
		return new CallbackDispatcher(publisher, deduplicator, window, observers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	DingTalkStreamClient dingTalkStreamClient(DingTalkProperties properties, ApplicationContext context,
			CallbackDispatcher dispatcher, CallbackDeduplicator deduplicator,
			ObjectProvider<CardCallbackListener> cardListeners, ObjectProvider<StreamListener> streamListeners) {
		return new DingTalkStreamClient(apps(properties), settings(properties), context, dispatcher, deduplicator,
				cardListeners, streamListeners);
	}

	@Bean
	@ConditionalOnMissingBean
	static RobotListenerMethodFactory dingTalkRobotListenerMethodFactory() {
		return new RobotListenerMethodFactory();
	}

	@Bean
	StreamAppRegistrations dingTalkStreamAppRegistrations(DingTalkStreamClient client, DingTalkProperties properties,
			ObjectProvider<DingTalkApps> apps) {
		StreamAppRegistrations registrations = new StreamAppRegistrations(client, properties);
		apps.ifAvailable((registry) -> registry.addListener(registrations));
		return registrations;
	}

	static List<StreamApp> apps(DingTalkProperties properties) {
		boolean top = properties.getStream().isEnabled();
		List<StreamApp> apps = new ArrayList<>();
		if (top && properties.hasAppCredentials()) {
			apps.add(new StreamApp("default", properties.getAppKey().trim(), properties.getAppSecret().trim(),
					properties.getApiBaseUrl(), "dingtalk."));
		}
		for (Map.Entry<String, DingTalkProperties.App> entry : properties.getApps().entrySet()) {
			DingTalkProperties.App app = entry.getValue();
			String prefix = "dingtalk.apps." + entry.getKey() + ".";
			if (!app.getStream().isEnabled(top)) {
				continue;
			}
			if (!app.hasAppCredentials()) {
				if (app.getStream().getEnabled() != null) {
					throw new InvalidDingTalkPropertyException(prefix + "app-key",
							"is not set, but " + prefix + "stream.enabled is true",
							"Stream mode connects with the app's AppKey and AppSecret; set " + prefix + "app-key and "
									+ prefix + "app-secret");
				}
				continue;
			}
			String apiBaseUrl = StringUtils.hasText(app.getApiBaseUrl()) ? app.getApiBaseUrl()
					: properties.getApiBaseUrl();
			apps.add(new StreamApp(entry.getKey(), app.getAppKey().trim(), app.getAppSecret().trim(), apiBaseUrl,
					prefix));
		}
		if (top && apps.isEmpty()) {
			throw new InvalidDingTalkPropertyException("dingtalk.stream.enabled",
					"is true but no app has app-key and app-secret",
					"set dingtalk.app-key and dingtalk.app-secret (or dingtalk.apps.<name>.app-key/app-secret); "
							+ "Stream mode cannot connect with corp-id/corp-secret");
		}
		return apps;
	}

	static StreamSettings settings(DingTalkProperties properties) {
		DingTalkProperties.Stream stream = properties.getStream();
		DataSize maxFrameSize = stream.getMaxFrameSize();
		if (maxFrameSize == null || maxFrameSize.toBytes() <= 0 || maxFrameSize.toBytes() > Integer.MAX_VALUE) {
			throw new InvalidDingTalkPropertyException("dingtalk.stream.max-frame-size",
					"must be between 1B and 2GB but is " + maxFrameSize, "keep the default 1MB");
		}
		if (stream.getHandler().getThreads() < 1) {
			throw new InvalidDingTalkPropertyException("dingtalk.stream.handler.threads",
					"must be at least 1 but is " + stream.getHandler().getThreads(), "keep the default 16");
		}
		if (stream.getHandler().getQueueCapacity() < 1) {
			throw new InvalidDingTalkPropertyException("dingtalk.stream.handler.queue-capacity",
					"must be at least 1 but is " + stream.getHandler().getQueueCapacity(), "keep the default 2048");
		}
		return new StreamSettings((int) maxFrameSize.toBytes(),
				positive("dingtalk.stream.connect-timeout", stream.getConnectTimeout()),
				positive("dingtalk.stream.initial-backoff", stream.getInitialBackoff()),
				positive("dingtalk.stream.max-backoff", stream.getMaxBackoff()),
				positive("dingtalk.stream.stable-after", stream.getStableAfter()),
				positive("dingtalk.stream.auth-failure-backoff", stream.getAuthFailureBackoff()),
				positive("dingtalk.stream.keep-alive", stream.getKeepAlive()),
				positive("dingtalk.stream.pong-timeout", stream.getPongTimeout()),
				positive("dingtalk.stream.idle-timeout", stream.getIdleTimeout()), stream.getHandler().getThreads(),
				stream.getHandler().getQueueCapacity(),
				positive("dingtalk.callback.dedupe-window", properties.getCallback().getDedupeWindow()));
	}

	private static Duration positive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidDingTalkPropertyException(name, "must be positive but is " + value,
					"set a positive duration such as 10s");
		}
		return value;
	}

}
