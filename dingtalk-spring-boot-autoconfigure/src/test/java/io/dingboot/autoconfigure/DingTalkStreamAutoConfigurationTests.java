package io.dingboot.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.dingboot.apps.DingTalkAppSettings;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.callback.CallbackDeduplicator;
import io.dingboot.callback.CallbackDispatcher;
import io.dingboot.callback.InMemoryCallbackDeduplicator;
import io.dingboot.stream.DingTalkStreamClient;
import io.dingboot.stream.RobotListenerMethodFactory;
import io.dingboot.stream.StreamApp;
import io.dingboot.stream.StreamSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DingTalkStreamAutoConfiguration}. No context here has a listener, so none
 * connects; the connections themselves are tested against the fake gateway of the test kit.
 */
class DingTalkStreamAutoConfigurationTests {

	private static final String[] CREDENTIALS = { "dingtalk.app-key=dingappkey", "dingtalk.app-secret=s3cret",
			"dingtalk.api-base-url=http://127.0.0.1:1" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkCallbackAutoConfiguration.class,
					DingTalkStreamAutoConfiguration.class));

	@Test
	void streamIsOffByDefault() {
		this.runner.withPropertyValues(CREDENTIALS).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(DingTalkStreamClient.class);
			assertThat(context).doesNotHaveBean(CallbackDispatcher.class);
		});
	}

	@Test
	void enabledRegistersTheClientForTheDefaultAppWithTheDispatcherAndDeduplicator() {
		this.runner.withPropertyValues(CREDENTIALS).withPropertyValues("dingtalk.stream.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(DingTalkStreamClient.class);
			assertThat(context).hasSingleBean(CallbackDispatcher.class);
			assertThat(context).getBean(CallbackDeduplicator.class).isInstanceOf(InMemoryCallbackDeduplicator.class);
			DingTalkStreamClient client = context.getBean(DingTalkStreamClient.class);
			assertThat(client.getApps()).singleElement().satisfies((app) -> {
				assertThat(app.name()).isEqualTo("default");
				assertThat(app.appKey()).isEqualTo("dingappkey");
				assertThat(app.apiBaseUrl()).isEqualTo("http://127.0.0.1:1");
				assertThat(app.propertyPrefix()).isEqualTo("dingtalk.");
				assertThat(app.toString()).doesNotContain("s3cret");
			});
			assertThat(client.isConnected("default")).isFalse();
		});
	}

	@Test
	void robotListenerMethodsAreMadeByTheFactoryOnlyInStreamMode() {
		this.runner.withPropertyValues(CREDENTIALS)
			.run((context) -> assertThat(context).doesNotHaveBean(RobotListenerMethodFactory.class));
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("dingtalk.stream.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(RobotListenerMethodFactory.class));
	}

	@Test
	void httpCallbacksAndStreamShareOneDispatcher() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("dingtalk.stream.enabled=true", "dingtalk.callback.enabled=true",
					"dingtalk.callback.token=t0ken", "dingtalk.callback.aes-key=abcdefghijABCDEFGHIJ0123456789abcdefghijABC")
			.run((context) -> {
				assertThat(context).hasSingleBean(CallbackDispatcher.class);
				assertThat(context).hasSingleBean(CallbackDeduplicator.class);
				assertThat(context).hasSingleBean(DingTalkStreamClient.class);
			});
	}

	@Test
	void namedAppsFollowTheTopLevelSwitchUnlessTheirOwnSaysOtherwise() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("dingtalk.stream.enabled=true", "dingtalk.apps.hr.app-key=hrkey",
					"dingtalk.apps.hr.app-secret=hrsecret", "dingtalk.apps.hr.api-base-url=http://127.0.0.1:2",
					"dingtalk.apps.ops.app-key=opskey", "dingtalk.apps.ops.app-secret=opssecret",
					"dingtalk.apps.ops.stream.enabled=false", "dingtalk.apps.legacy.corp-id=dingcorp",
					"dingtalk.apps.legacy.corp-secret=corpsecret")
			.run((context) -> {
				List<StreamApp> apps = context.getBean(DingTalkStreamClient.class).getApps();
				assertThat(apps).extracting(StreamApp::name).containsExactly("default", "hr");
				assertThat(apps.get(1).apiBaseUrl()).isEqualTo("http://127.0.0.1:2");
				assertThat(apps.get(1).propertyPrefix()).isEqualTo("dingtalk.apps.hr.");
			});
	}

	@Test
	void appsRegisteredAtRuntimeJoinTheClientWhenTheirSwitchIsOnAndLeaveItWhenRemoved() {
		this.runner.withConfiguration(AutoConfigurations.of(DingTalkAppsAutoConfiguration.class))
			.withPropertyValues(CREDENTIALS)
			.withPropertyValues("dingtalk.stream.enabled=true", "dingtalk.apps.ops.app-key=opskey",
					"dingtalk.apps.ops.app-secret=opssecret", "dingtalk.apps.ops.stream.enabled=false")
			.run((context) -> {
				DingTalkApps apps = context.getBean(DingTalkApps.class);
				DingTalkStreamClient client = context.getBean(DingTalkStreamClient.class);
				apps.register("crm", DingTalkAppSettings.of("crmkey", "crmsecret"));
				apps.register("eu", DingTalkAppSettings.of("eukey", "eusecret")
					.withApiBaseUrl(java.net.URI.create("http://127.0.0.1:3")));
				apps.register("legacy", new DingTalkAppSettings(null, null, "dingcorp", "corpsecret", 1L, null));
				apps.remove("ops");
				apps.register("ops", DingTalkAppSettings.of("opskey", "opssecret"));
				assertThat(client.getApps()).extracting(StreamApp::name).containsExactly("default", "crm", "eu");
				assertThat(client.getApps().get(1)).satisfies((crm) -> {
					assertThat(crm.appKey()).isEqualTo("crmkey");
					assertThat(crm.apiBaseUrl()).isEqualTo("http://127.0.0.1:1");
					assertThat(crm.propertyPrefix()).isEqualTo("dingtalk.apps.crm.");
				});
				assertThat(client.getApps().get(2).apiBaseUrl()).isEqualTo("http://127.0.0.1:3");
				assertThat(apps.remove("crm")).isTrue();
				assertThat(client.getApps()).extracting(StreamApp::name).containsExactly("default", "eu");
			});
	}

	@Test
	void appsRegisteredAtRuntimeStayOffWhenOnlyANamedAppSwitchedStreamOn() {
		this.runner.withConfiguration(AutoConfigurations.of(DingTalkAppsAutoConfiguration.class))
			.withPropertyValues(CREDENTIALS)
			.withPropertyValues("dingtalk.apps.hr.app-key=hrkey", "dingtalk.apps.hr.app-secret=hrsecret",
					"dingtalk.apps.hr.stream.enabled=true")
			.run((context) -> {
				context.getBean(DingTalkApps.class).register("crm", DingTalkAppSettings.of("crmkey", "crmsecret"));
				assertThat(context.getBean(DingTalkStreamClient.class).getApps()).extracting(StreamApp::name)
					.containsExactly("hr");
			});
	}

	@Test
	void oneNamedAppCanTurnStreamOnAlone() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("dingtalk.apps.hr.app-key=hrkey", "dingtalk.apps.hr.app-secret=hrsecret",
					"dingtalk.apps.hr.stream.enabled=true")
			.run((context) -> assertThat(context.getBean(DingTalkStreamClient.class).getApps())
				.extracting(StreamApp::name)
				.containsExactly("hr"));
	}

	@Test
	void enabledWithoutAppCredentialsFailsNamingTheSwitch() {
		this.runner.withPropertyValues("dingtalk.corp-id=dingcorp", "dingtalk.corp-secret=corpsecret",
				"dingtalk.stream.enabled=true").run((context) -> {
					FailureAnalysis analysis = StartupFailures.analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("dingtalk.stream.enabled")
						.doesNotContain("corpsecret");
				});
	}

	@Test
	void namedAppSwitchedOnWithoutAppKeyFailsNamingItsKey() {
		this.runner.withPropertyValues("dingtalk.apps.hr.corp-id=dingcorp", "dingtalk.apps.hr.corp-secret=x",
				"dingtalk.apps.hr.stream.enabled=true").run((context) -> {
					FailureAnalysis analysis = StartupFailures.analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("dingtalk.apps.hr.app-key");
				});
	}

	@Test
	void nonPositiveDurationFailsNamingTheProperty() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("dingtalk.stream.enabled=true", "dingtalk.stream.pong-timeout=0s")
			.run((context) -> assertThat(StartupFailures.analyze(context.getStartupFailure()).getDescription())
				.contains("dingtalk.stream.pong-timeout"));
	}

	@Test
	void settingsAreBoundFromProperties() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("dingtalk.stream.enabled=true", "dingtalk.stream.max-frame-size=64KB",
					"dingtalk.stream.keep-alive=7s", "dingtalk.stream.idle-timeout=2m",
					"dingtalk.stream.handler.threads=3", "dingtalk.stream.handler.queue-capacity=9")
			.run((context) -> {
				StreamSettings settings = DingTalkStreamAutoConfiguration
					.settings(context.getBean(DingTalkProperties.class));
				assertThat(settings.maxFrameSize()).isEqualTo(64 * 1024);
				assertThat(settings.keepAlive()).isEqualTo(Duration.ofSeconds(7));
				assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
				assertThat(settings.handlerThreads()).isEqualTo(3);
				assertThat(settings.handlerQueueCapacity()).isEqualTo(9);
				assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(500));
			});
	}

	@Test
	void applicationClientReplacesTheAutoConfiguredOne() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withPropertyValues("dingtalk.stream.enabled=true")
			.withUserConfiguration(OwnClient.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(DingTalkStreamClient.class);
				assertThat(context.getBean(DingTalkStreamClient.class).getApps()).isEmpty();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClient {

		@Bean
		DingTalkStreamClient ownStreamClient(ApplicationContext context, CallbackDispatcher dispatcher,
				CallbackDeduplicator deduplicator,
				ObjectProvider<io.dingboot.stream.CardCallbackListener> cardListeners) {
			return new DingTalkStreamClient(List.of(), DingTalkStreamAutoConfiguration.settings(new DingTalkProperties()),
					context, dispatcher, deduplicator, cardListeners);
		}

	}

}
