package io.dingboot.autoconfigure;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.dingboot.http.DingTalkStubs.APP_KEY;
import static io.dingboot.http.DingTalkStubs.APP_SECRET;
import static io.dingboot.http.DingTalkStubs.gettoken;
import static io.dingboot.http.DingTalkStubs.json;
import static io.dingboot.http.DingTalkStubs.token;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DingTalkLoggingDefaultsTests {

	private static final String HTTP_CLIENT_5 = "org.apache.hc.client5.http";

	private static final String URL_CONNECTION = "sun.net.www.protocol.http";

	private static final String JDK_CLIENT = "jdk.internal.httpclient.debug";

	private static final String TOKEN = "AT-logging-5c1e9a";

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	@BeforeEach
	void start() {
		this.server.start();
		this.server.stubFor(gettoken().willReturn(token(TOKEN, 7200)));
		this.server.stubFor(post(urlPathEqualTo("/topapi/v2/department/listsub"))
			.willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":[]}")));
	}

	@AfterEach
	void stop() {
		this.server.stop();
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
		logging.setLogLevel(HTTP_CLIENT_5, null);
		logging.setLogLevel(URL_CONNECTION, null);
		logging.setLogLevel(JDK_CLIENT, null);
		logging.setLogLevel("io.dingboot", LogLevel.INFO);
		System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
	}

	private ConfigurableApplicationContext run(String... properties) {
		return runOver("http-components", properties);
	}

	private ConfigurableApplicationContext runOver(String httpLibrary, String... properties) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "dingtalk.base-url=http://127.0.0.1:" + this.server.port(),
					"dingtalk.app-key=" + APP_KEY, "dingtalk.app-secret=" + APP_SECRET,
					"spring.http.clients.imperative.factory=" + httpLibrary)
			.properties(properties)
			.run();
	}

	private static LogLevel level(String logger) {
		return LoggingSystem.get(DingTalkLoggingDefaultsTests.class.getClassLoader())
			.getLoggerConfiguration(logger)
			.getEffectiveLevel();
	}

	@Test
	void httpLibraryLoggersStayAtInfoWhenTheRootIsAtDebug(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("logging.level.root=debug")) {
			assertThat(level(LoggingSystem.ROOT_LOGGER_NAME)).isEqualTo(LogLevel.DEBUG);
			assertThat(level(HTTP_CLIENT_5)).isEqualTo(LogLevel.INFO);
			assertThat(level(URL_CONNECTION)).isEqualTo(LogLevel.INFO);
			context.getBean(DingTalkClient.class)
				.execute(DingTalkRequest.post("/topapi/v2/department/listsub").body(Map.of("dept_id", 1)).build());
		}
		assertThat(output.getAll()).as("DEBUG output was captured").contains("/topapi/v2/department/listsub");
		assertThat(output.getAll()).doesNotContain(APP_SECRET).doesNotContain(TOKEN);
	}

	@Test
	void jdkClientDebugLoggerStaysAtInfoWhenTheRootIsAtDebug(CapturedOutput output) {
		try (ConfigurableApplicationContext context = runOver("jdk", "logging.level.root=debug")) {
			assertThat(level(JDK_CLIENT)).isEqualTo(LogLevel.INFO);
			assertThat(java.util.logging.Logger.getLogger(JDK_CLIENT).isLoggable(java.util.logging.Level.FINE)).isFalse();
			context.getBean(DingTalkClient.class)
				.execute(DingTalkRequest.post("/topapi/v2/department/listsub").body(Map.of("dept_id", 1)).build());
		}
		assertThat(output.getAll()).as("DEBUG output was captured").contains("DEBUG");
		assertThat(output.getAll()).doesNotContain(APP_SECRET).doesNotContain(TOKEN);
	}

	@Test
	void levelTheApplicationSetsWins() {
		try (ConfigurableApplicationContext context = run("logging.level." + HTTP_CLIENT_5 + "=debug")) {
			assertThat(level(HTTP_CLIENT_5)).isEqualTo(LogLevel.DEBUG);
			assertThat(level(URL_CONNECTION)).isEqualTo(LogLevel.INFO);
		}
	}

	@Test
	void levelTheApplicationSetsInBracketFormWins() {
		try (ConfigurableApplicationContext context = run("logging.level[" + HTTP_CLIENT_5 + "]=debug")) {
			assertThat(level(HTTP_CLIENT_5)).isEqualTo(LogLevel.DEBUG);
			assertThat(level(JDK_CLIENT)).isEqualTo(LogLevel.INFO);
		}
	}

	@Test
	void levelTheApplicationSetsForALoggingGroupWins() {
		try (ConfigurableApplicationContext context = run("logging.group.wire=" + HTTP_CLIENT_5 + "," + URL_CONNECTION,
				"logging.level.wire=trace")) {
			assertThat(level(HTTP_CLIENT_5)).isEqualTo(LogLevel.TRACE);
			assertThat(level(URL_CONNECTION)).isEqualTo(LogLevel.TRACE);
			assertThat(level(JDK_CLIENT)).isEqualTo(LogLevel.INFO);
		}
	}

	@Test
	void defaultsAreSetOnTheLoggersAndNotAddedToTheEnvironment() {
		try (ConfigurableApplicationContext context = run()) {
			for (String logger : DingTalkLoggingDefaults.LOGGERS) {
				assertThat(LoggingSystem.get(getClass().getClassLoader()).getLoggerConfiguration(logger).getConfiguredLevel())
					.as(logger)
					.isEqualTo(LogLevel.INFO);
				assertThat(context.getEnvironment().getProperty("logging.level." + logger)).as(logger).isNull();
			}
		}
	}

	@Test
	void applicationWithoutALoggingSystemStarts() {
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBean(DingTalkClient.class)).isNotNull();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
			RestTemplateAutoConfiguration.class, DingTalkAutoConfiguration.class })
	static class App {

	}

}
