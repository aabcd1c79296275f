package io.dingboot.test.stream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A worker application with no web server: DingBoot with Stream mode against the fake gateway,
 * and the {@link StreamRecorder}.
 */
@EnableAutoConfiguration
@Import(StreamRecorder.class)
class StreamTestApplication {

	static final String KEY = "stream-key";

	static final String SECRET = "stream-secret-value";

	static final Duration WAIT = Duration.ofSeconds(10);

	static ConfigurableApplicationContext run(FakeStreamGateway gateway, Class<?>[] sources, String... properties) {
		return run(gateway, sources, (context) -> {
		}, properties);
	}

	static ConfigurableApplicationContext run(FakeStreamGateway gateway, Class<?>[] sources,
			ApplicationContextInitializer<ConfigurableApplicationContext> initializer, String... properties) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("dingtalk.app-key", KEY);
		defaults.put("dingtalk.app-secret", SECRET);
		defaults.put("dingtalk.api-base-url", gateway.apiBaseUrl());
		defaults.put("dingtalk.base-url", "http://127.0.0.1:1");
		defaults.put("dingtalk.stream.enabled", "true");
		defaults.put("dingtalk.stream.initial-backoff", "50ms");
		defaults.put("dingtalk.stream.max-backoff", "500ms");
		defaults.put("dingtalk.stream.auth-failure-backoff", "200ms");
		defaults.put("spring.main.banner-mode", "off");
		for (String property : properties) {
			int equals = property.indexOf('=');
			defaults.put(property.substring(0, equals), property.substring(equals + 1));
		}
		return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.properties(defaults)
			.initializers(initializer)
			.run();
	}

	static ConfigurableApplicationContext run(FakeStreamGateway gateway, String... properties) {
		return run(gateway, new Class<?>[] { StreamTestApplication.class }, properties);
	}

}
