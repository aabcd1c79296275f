package io.dingboot.test.stream;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.dingboot.test.stream.StreamTestApplication.KEY;
import static io.dingboot.test.stream.StreamTestApplication.SECRET;
import static io.dingboot.test.stream.StreamTestApplication.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stream meters and the {@code dingTalkStream} health indicator against the fake gateway.
 */
class StreamOperationsTests {

	private FakeStreamGateway gateway;

	private ConfigurableApplicationContext context;

	private MeterRegistry registry;

	@BeforeEach
	void startGateway() {
		this.gateway = FakeStreamGateway.start().redeliveryDelay(Duration.ofMillis(300));
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.gateway.close();
	}

	private StreamRecorder run(String... properties) {
		this.context = StreamTestApplication.run(this.gateway,
				new Class<?>[] { StreamTestApplication.class, Registry.class }, properties);
		this.registry = this.context.getBean(MeterRegistry.class);
		return this.context.getBean(StreamRecorder.class);
	}

	@Test
	void everyEventIsCountedAsAnEventFrameAndASuccessAck() {
		this.gateway.app(KEY, SECRET);
		StreamRecorder recorder = run();
		this.gateway.awaitConnection(KEY, WAIT);
		for (int i = 0; i < 5; i++) {
			StreamPush push = this.gateway.pushEvent(KEY, "user_add_org", "event-" + i, "{\"userId\":[\"u1\"]}");
			assertThat(push.awaitCompletion(WAIT).status()).isEqualTo("SUCCESS");
		}
		assertThat(recorder.events).hasSize(5);
		assertThat(count("dingtalk.stream.frames", "type", "event")).isEqualTo(5);
		assertThat(count("dingtalk.stream.acks", "status", "SUCCESS")).isEqualTo(5);
		assertThat(this.registry.find("dingtalk.stream.acks").tag("status", "LATER").counter()).isNull();
		assertThat(this.registry.get("dingtalk.stream.handler.lag").tag("app", "default").timer().count())
			.isEqualTo(5);
		assertThat(this.registry.get("dingtalk.stream.connections").tag("app", "default").gauge().value())
			.isEqualTo(1);
		assertThat(this.registry.find("dingtalk.stream.reconnects").counter()).isNull();
		assertNoSecretInTags();
	}

	@Test
	void eventWhoseListenerThrowsIsCountedAsALaterAckThenASuccessAck() {
		this.gateway.app(KEY, SECRET);
		StreamRecorder recorder = run();
		recorder.eventFailures.set(1);
		this.gateway.awaitConnection(KEY, WAIT);
		StreamPush push = this.gateway.pushEvent(KEY, "user_add_org", "fails-once", "{\"userId\":[\"u1\"]}");
		this.gateway.awaitCondition(() -> push.acks().size() == 2, WAIT, "the redelivery's ack");
		assertThat(push.acks()).extracting(StreamAck::status).containsExactly("LATER", "SUCCESS");
		assertThat(count("dingtalk.stream.acks", "status", "LATER")).isEqualTo(1);
		assertThat(count("dingtalk.stream.acks", "status", "SUCCESS")).isEqualTo(1);
		assertThat(count("dingtalk.stream.frames", "type", "event")).isEqualTo(2);
	}

	@Test
	void dropIsCountedAsOneReconnectAndTheConnectionIsUpAgain() {
		this.gateway.app(KEY, SECRET);
		run();
		GatewayConnection old = this.gateway.awaitConnection(KEY, WAIT);
		this.gateway.awaitCondition(() -> connections() == 1, WAIT, "the connection gauge at 1");
		old.drop();
		this.gateway.awaitNewConnection(KEY, old, WAIT);
		this.gateway.awaitCondition(() -> connections() == 1 && status() == Status.UP, WAIT, "up again");
		assertThat(count("dingtalk.stream.reconnects", "app", "default")).isEqualTo(1);
		assertThat(this.gateway.openCalls(KEY)).hasSize(2);
	}

	@Test
	void healthIsUpWithTheAppConnected() {
		this.gateway.app(KEY, SECRET);
		run();
		this.gateway.awaitConnection(KEY, WAIT);
		this.gateway.awaitCondition(() -> status() == Status.UP, WAIT, "health UP");
		assertThat(appHealth().getDetails()).containsEntry("state", "connected");
	}

	@Test
	void healthIsDownWithAuthFailedNamingThePropertyWhenTheCredentialsAreRefused() {
		this.gateway.app(KEY, "another-secret");
		run("dingtalk.stream.auth-failure-backoff=100ms");
		this.gateway.awaitCondition(() -> status() == Status.DOWN, WAIT, "health DOWN");
		assertThat(appHealth().getDetails()).containsEntry("state", "failing")
			.containsEntry("reason", "auth_failed")
			.containsEntry("property", "dingtalk.app-secret");
		assertThat(health().toString()).doesNotContain(SECRET).doesNotContain(KEY);
		this.gateway.awaitCondition(() -> this.gateway.openCalls(KEY).size() >= 2, WAIT, "a retry");
		assertThat(count("dingtalk.stream.reconnects", "app", "default")).isGreaterThanOrEqualTo(1);
		assertThat(connectionsGauge()).isNull();
		assertNoSecretInTags();
	}

	private double count(String name, String tag, String value) {
		return this.registry.get(name).tag("app", "default").tag(tag, value).counter().count();
	}

	private double connections() {
		io.micrometer.core.instrument.Gauge gauge = connectionsGauge();
		return (gauge != null) ? gauge.value() : -1;
	}

	private io.micrometer.core.instrument.Gauge connectionsGauge() {
		return this.registry.find("dingtalk.stream.connections").tag("app", "default").gauge();
	}

	private Health health() {
		return this.context.getBean("dingTalkStreamHealthIndicator", HealthIndicator.class).health();
	}

	private Status status() {
		return health().getStatus();
	}

	@SuppressWarnings("unchecked")
	private Health appHealth() {
		return ((Map<String, Health>) health().getDetails().get("apps")).get("default");
	}

	private void assertNoSecretInTags() {
		assertThat(this.registry.getMeters()).isNotEmpty();
		for (Meter meter : this.registry.getMeters()) {
			for (Tag tag : meter.getId().getTags()) {
				assertThat(tag.getValue()).isNotEqualTo(KEY).isNotEqualTo(SECRET);
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Registry {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
