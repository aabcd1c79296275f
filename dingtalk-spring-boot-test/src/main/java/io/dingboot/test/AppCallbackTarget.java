package io.dingboot.test;

import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where and how to push events for one named app of the application under test, read from its
 * {@code dingtalk.apps.<name>.*} properties: the URL {@code <base-url><dingtalk.callback.path>/<name>},
 * the app's {@code callback.token} and {@code callback.aes-key}, and as owner key the first of its
 * {@code callback.owner-key}, else its {@code app-key}, else its {@code corp-id}.
 */
final class AppCallbackTarget {

	private AppCallbackTarget() {
	}

	static ApplicationUnderTest.CallbackTarget of(Environment environment, String baseUrl, String app) {
		String prefix = "dingtalk.apps." + app + ".";
		if (!StringUtils.hasText(environment.getProperty(prefix + "app-key"))
				&& !StringUtils.hasText(environment.getProperty(prefix + "corp-id"))) {
			throw new IllegalStateException("The application has no DingTalk app named '" + app + "' (no "
					+ prefix + "app-key)");
		}
		Boolean enabled = environment.getProperty(prefix + "callback.enabled", Boolean.class);
		boolean on = (enabled != null) ? enabled
				: environment.getProperty("dingtalk.callback.enabled", Boolean.class, false);
		if (!on) {
			throw new IllegalStateException("The app '" + app + "' has no callback endpoint: set "
					+ "dingtalk.callback.enabled=true (or " + prefix + "callback.enabled=true)");
		}
		String token = required(environment, prefix + "callback.token");
		String aesKey = required(environment, prefix + "callback.aes-key");
		String path = environment.getProperty("dingtalk.callback.path", SpringApplicationUnderTest.DEFAULT_CALLBACK_PATH);
		String corpId = environment.getProperty(prefix + "corp-id");
		return new ApplicationUnderTest.CallbackTarget(baseUrl + path + "/" + app, token, aesKey,
				ownerKey(environment, prefix, corpId), corpId);
	}

	private static String ownerKey(Environment environment, String prefix, String corpId) {
		List<String> ownerKeys = Binder.get(environment)
			.bind(prefix + "callback.owner-key", Bindable.listOf(String.class))
			.orElse(List.of());
		for (String key : ownerKeys) {
			if (StringUtils.hasText(key)) {
				return key.trim();
			}
		}
		String appKey = environment.getProperty(prefix + "app-key");
		if (StringUtils.hasText(appKey)) {
			return appKey.trim();
		}
		return corpId.trim();
	}

	private static String required(Environment environment, String name) {
		String value = environment.getProperty(name);
		if (!StringUtils.hasText(value)) {
			throw new IllegalStateException("The app's callback endpoint needs " + name);
		}
		return value;
	}

}
