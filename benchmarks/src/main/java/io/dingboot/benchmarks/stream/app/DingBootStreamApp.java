package io.dingboot.benchmarks.stream.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.dingboot.callback.UserAddOrgEvent;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * DingBoot's side of the Stream peer benchmark: a worker with no web server, Stream mode on with
 * its default settings but one, and one listener for the benchmark's events. It lives in a package
 * of its own so that nothing else is picked up.
 * <p>
 * The one setting: {@code dingtalk.stream.stable-after} is 1 s instead of 60 s. The reconnect
 * backoff starts again from {@code initial-backoff} only once a connection has stayed up that
 * long; the benchmark drops the connection 100 times, 1.5 s after each reconnect, and each drop is
 * to count as an isolated one rather than as a flapping connection (which backs off to the 60 s
 * cap, on purpose).
 */
@EnableAutoConfiguration
public class DingBootStreamApp {

	private static Consumer<String> sink;

	/**
	 * Start the application; it connects once it is ready.
	 * @param apiBaseUrl the gateway's base URL
	 * @param appKey the app key
	 * @param appSecret the app secret
	 * @param eventIds told the {@code eventId} of every event delivered to the listener
	 * @return the running application
	 */
	public static ConfigurableApplicationContext start(String apiBaseUrl, String appKey, String appSecret,
			Consumer<String> eventIds) {
		sink = eventIds;
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("dingtalk.app-key", appKey);
		properties.put("dingtalk.app-secret", appSecret);
		properties.put("dingtalk.api-base-url", apiBaseUrl);
		properties.put("dingtalk.stream.enabled", "true");
		properties.put("dingtalk.stream.stable-after", "1s");
		properties.put("spring.main.banner-mode", "off");
		return new SpringApplicationBuilder(DingBootStreamApp.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

	@EventListener
	void onUserAddOrg(UserAddOrgEvent event) {
		sink.accept(event.getEventId());
	}

}
