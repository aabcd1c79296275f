package io.dingboot.test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The application's custom group robots, {@code dingtalk.robots.<name>.*} ({@code access-token}
 * or {@code webhook}, {@code secret}, {@code keywords}), read when the fake first needs them.
 */
final class SpringRobots {

	private SpringRobots() {
	}

	static Supplier<List<FakeWebhookRobot>> of(Environment environment) {
		return () -> read(environment);
	}

	static List<FakeWebhookRobot> read(Environment environment) {
		Binder binder = Binder.get(environment);
		Map<String, Object> robots = binder.bind("dingtalk.robots", Bindable.mapOf(String.class, Object.class))
			.orElse(new LinkedHashMap<>());
		List<FakeWebhookRobot> result = new ArrayList<>();
		for (String name : robots.keySet()) {
			String prefix = "dingtalk.robots." + name + ".";
			String token = environment.getProperty(prefix + "access-token");
			String webhook = environment.getProperty(prefix + "webhook");
			if ((token == null || token.isBlank()) && webhook != null) {
				token = tokenOf(webhook.trim());
			}
			if (token == null || token.isBlank()) {
				continue;
			}
			String secret = environment.getProperty(prefix + "secret");
			List<String> keywords = binder.bind(prefix + "keywords", Bindable.listOf(String.class)).orElse(List.of());
			result.add(new FakeWebhookRobot(name, token.trim(), (secret != null) ? secret.trim() : null, keywords));
		}
		return result;
	}

	private static String tokenOf(String webhook) {
		String query = URI.create(webhook).getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				if (pair.startsWith("access_token=")) {
					return URLDecoder.decode(pair.substring("access_token=".length()), StandardCharsets.UTF_8);
				}
			}
		}
		return null;
	}

}
