package io.dingboot.test;

import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * The application of a Spring test, read from its environment: the server port Boot publishes as
 * {@code local.server.port}, {@code server.servlet.context-path} and DingBoot's {@code dingtalk.*}
 * properties, with DingBoot's defaults.
 */
final class SpringApplicationUnderTest implements ApplicationUnderTest {

	static final String DEFAULT_LOGIN_PROCESSING_URL = "/login/dingtalk";

	static final String DEFAULT_CALLBACK_PATH = "/dingtalk/callback";

	private final ConfigurableEnvironment environment;

	SpringApplicationUnderTest(ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public String baseUrl() {
		String port = this.environment.getProperty("local.server.port");
		if (!StringUtils.hasText(port)) {
			throw new IllegalStateException("The application has no running server: use "
					+ "@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT), or MockMvc with @WithDingTalkUser");
		}
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		return "http://127.0.0.1:" + port + (contextPath.equals("/") ? "" : contextPath);
	}

	@Override
	public String loginProcessingUrl() {
		return this.environment.getProperty("dingtalk.login.processing-url", DEFAULT_LOGIN_PROCESSING_URL);
	}

	@Override
	public CallbackTarget callbackTarget() {
		if (!this.environment.getProperty("dingtalk.callback.enabled", Boolean.class, false)) {
			throw new IllegalStateException("The application has no callback endpoint: set dingtalk.callback.enabled=true");
		}
		String token = required("dingtalk.callback.token");
		String aesKey = required("dingtalk.callback.aes-key");
		String url = baseUrl() + this.environment.getProperty("dingtalk.callback.path", DEFAULT_CALLBACK_PATH);
		String corpId = this.environment.getProperty("dingtalk.corp-id");
		return new CallbackTarget(url, token, aesKey, ownerKey(corpId), corpId);
	}

	@Override
	public CallbackTarget callbackTarget(String app) {
		return AppCallbackTarget.of(this.environment, baseUrl(), app);
	}

	private String ownerKey(String corpId) {
		List<String> ownerKeys = Binder.get(this.environment)
			.bind("dingtalk.callback.owner-key", Bindable.listOf(String.class))
			.orElse(List.of());
		for (String key : ownerKeys) {
			if (StringUtils.hasText(key)) {
				return key.trim();
			}
		}
		String appKey = this.environment.getProperty("dingtalk.app-key");
		if (StringUtils.hasText(appKey)) {
			return appKey.trim();
		}
		if (StringUtils.hasText(corpId)) {
			return corpId.trim();
		}
		throw new IllegalStateException("The application has no callback owner key: set dingtalk.app-key, "
				+ "dingtalk.corp-id or dingtalk.callback.owner-key");
	}

	private String required(String name) {
		String value = this.environment.getProperty(name);
		if (!StringUtils.hasText(value)) {
			throw new IllegalStateException("The application's callback endpoint needs " + name);
		}
		return value;
	}

}
