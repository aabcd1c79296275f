package io.dingboot.test.stream;

import java.time.Duration;
import java.util.Map;

import io.dingboot.apps.DingTalkAppSettings;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.stream.DingTalkStreamClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static io.dingboot.test.stream.StreamTestApplication.KEY;
import static io.dingboot.test.stream.StreamTestApplication.SECRET;
import static io.dingboot.test.stream.StreamTestApplication.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apps registered with {@link DingTalkApps} at runtime connect in Stream mode, and apps removed
 * close their connection for good.
 */
class StreamRuntimeAppsTests {

	private static final String CRM_KEY = "crm-key";

	private static final String CRM_SECRET = "crm-secret-value";

	/** Longer than the test application's dingtalk.stream.max-backoff (500ms), several times over. */
	private static final Duration AFTER_BACKOFF = Duration.ofMillis(2000);

	private FakeStreamGateway gateway;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		this.gateway = FakeStreamGateway.start()
			.app(KEY, SECRET)
			.app("crm", CRM_KEY, CRM_SECRET)
			.redeliveryDelay(Duration.ofMillis(300));
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.gateway.close();
	}

	private DingTalkApps apps() {
		return this.context.getBean(DingTalkApps.class);
	}

	@Test
	void appRegisteredAfterStartOpensOneConnectionAndItsEventsCarryItsName() {
		this.context = StreamTestApplication.run(this.gateway);
		this.gateway.awaitConnection(KEY, WAIT);
		apps().register("crm", DingTalkAppSettings.of(CRM_KEY, CRM_SECRET));
		GatewayConnection connection = this.gateway.awaitConnection("crm", WAIT);
		assertThat(connection.clientId()).isEqualTo(CRM_KEY);
		assertThat(this.gateway.openCalls("crm")).hasSize(1);
		StreamPush push = this.gateway.pushEvent("crm", "user_add_org", "crm-event-1", "{\"userId\":[\"u1\"]}");
		assertThat(push.awaitCompletion(WAIT).status()).isEqualTo("SUCCESS");
		StreamRecorder recorder = this.context.getBean(StreamRecorder.class);
		assertThat(recorder.events).singleElement().satisfies((event) -> {
			assertThat(event.appName()).isEqualTo("crm");
			assertThat(event.getEventId()).isEqualTo("crm-event-1");
		});
		assertThat(this.context.getBean(DingTalkStreamClient.class).isConnected("crm")).isTrue();
		assertThat(this.gateway.openCalls(KEY)).hasSize(1);
	}

	@Test
	void removedAppClosesItsConnectionAndNeverReconnects() throws InterruptedException {
		this.context = StreamTestApplication.run(this.gateway);
		apps().register("crm", DingTalkAppSettings.of(CRM_KEY, CRM_SECRET));
		GatewayConnection connection = this.gateway.awaitConnection("crm", WAIT);
		assertThat(apps().remove("crm")).isTrue();
		this.gateway.awaitCondition(() -> !connection.isOpen(), WAIT, "the crm connection closed");
		Thread.sleep(AFTER_BACKOFF.toMillis());
		assertThat(this.gateway.openCalls("crm")).hasSize(1);
		assertThat(this.gateway.connections("crm")).isEmpty();
		assertThat(this.context.getBean(DingTalkStreamClient.class).getApps()).extracting("name")
			.containsExactly("default");
		assertThat(this.gateway.connections(KEY)).hasSize(1);
	}

	@Test
	void appRegisteredBeforeTheClientStartedOpensWhenItStarts() {
		this.context = StreamTestApplication.run(this.gateway,
				new Class<?>[] { StreamTestApplication.class, EarlyRegistration.class });
		assertThat(this.gateway.awaitConnection("crm", WAIT).clientId()).isEqualTo(CRM_KEY);
		this.gateway.awaitConnection(KEY, WAIT);
		assertThat(this.gateway.openCalls("crm")).hasSize(1);
		assertThat(this.gateway.openCalls(KEY)).hasSize(1);
	}

	@Test
	void appRegisteredWithStreamModeOffForItOpensNothing() throws InterruptedException {
		this.context = StreamTestApplication.run(this.gateway, "dingtalk.apps.crm.stream.enabled=false",
				"dingtalk.apps.crm.app-key=" + CRM_KEY, "dingtalk.apps.crm.app-secret=" + CRM_SECRET);
		this.gateway.awaitConnection(KEY, WAIT);
		apps().remove("crm");
		apps().register("crm", DingTalkAppSettings.of(CRM_KEY, CRM_SECRET));
		apps().register("legacy", new DingTalkAppSettings(null, null, "dinglegacy", "legacy-secret", 1L, null));
		Thread.sleep(AFTER_BACKOFF.toMillis());
		assertThat(this.gateway.openCalls()).extracting(OpenConnectionCall::clientId).containsExactly(KEY);
		assertThat(this.context.getBean(DingTalkStreamClient.class).getApps()).extracting("name")
			.containsExactly("default");
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthReportsTheRegisteredApp() {
		this.context = StreamTestApplication.run(this.gateway);
		apps().register("crm", DingTalkAppSettings.of(CRM_KEY, CRM_SECRET));
		this.gateway.awaitConnection("crm", WAIT);
		HealthIndicator indicator = this.context.getBean("dingTalkStreamHealthIndicator", HealthIndicator.class);
		this.gateway.awaitCondition(() -> {
			Map<String, Health> apps = (Map<String, Health>) indicator.health().getDetails().get("apps");
			return apps.containsKey("crm") && apps.get("crm").getStatus() == Status.UP;
		}, WAIT, "crm UP in the health");
		Map<String, Health> apps = (Map<String, Health>) indicator.health().getDetails().get("apps");
		assertThat(apps).containsOnlyKeys("default", "crm");
		assertThat(apps.get("crm").getDetails()).containsEntry("state", "connected");
		apps().remove("crm");
		assertThat((Map<String, Health>) indicator.health().getDetails().get("apps")).containsOnlyKeys("default");
	}

	/**
	 * Registers the app {@code crm} while the context is created, before the Stream client starts.
	 */
	static class EarlyRegistration {

		EarlyRegistration(DingTalkApps apps) {
			apps.register("crm", DingTalkAppSettings.of(CRM_KEY, CRM_SECRET));
		}

	}

}
