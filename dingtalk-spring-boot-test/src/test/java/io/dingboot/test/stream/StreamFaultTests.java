package io.dingboot.test.stream;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static io.dingboot.test.stream.StreamTestApplication.KEY;
import static io.dingboot.test.stream.StreamTestApplication.SECRET;
import static io.dingboot.test.stream.StreamTestApplication.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Stream client does when the gateway asks it to go, drops it, leaves it half-open,
 * refuses its credentials or sends frames it cannot take.
 */
@ExtendWith(OutputCaptureExtension.class)
class StreamFaultTests {

	private FakeStreamGateway gateway;

	private ConfigurableApplicationContext context;

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
		this.context = StreamTestApplication.run(this.gateway, properties);
		return this.context.getBean(StreamRecorder.class);
	}

	@Test
	void disconnectOpensTheReplacementBeforeTheOldConnectionCloses() {
		this.gateway.app(KEY, SECRET).disconnectGrace(Duration.ofSeconds(30));
		StreamRecorder recorder = run();
		GatewayConnection old = this.gateway.awaitConnection(KEY, WAIT);
		old.disconnect();
		GatewayConnection replacement = this.gateway.awaitNewConnection(KEY, old, WAIT);
		assertThat(old.isOpen()).isTrue();
		StreamPush push = this.gateway.pushEvent(KEY, "user_add_org", "after-disconnect", "{\"userId\":[\"u1\"]}");
		assertThat(push.awaitCompletion(WAIT).status()).isEqualTo("SUCCESS");
		assertThat(push.connectionIds()).containsExactly(replacement.id());
		assertThat(recorder.events).hasSize(1);
		assertThat(this.gateway.openCalls(KEY)).hasSize(2);
	}

	@Test
	void eventPushedWhileTheConnectionIsDroppedIsDeliveredOnceAfterTheReconnect() {
		this.gateway.app(KEY, SECRET);
		StreamRecorder recorder = run();
		GatewayConnection old = this.gateway.awaitConnection(KEY, WAIT);
		old.drop();
		StreamPush push = this.gateway.pushEvent(KEY, "user_add_org", "during-drop", "{\"userId\":[\"u1\"]}");
		GatewayConnection replacement = this.gateway.awaitNewConnection(KEY, old, WAIT);
		assertThat(push.awaitCompletion(WAIT).connectionId()).isEqualTo(replacement.id());
		assertThat(recorder.events).hasSize(1);
		assertThat(this.gateway.openCalls(KEY)).allSatisfy((call) -> assertThat(call.status()).isEqualTo(200));
	}

	@Test
	void halfOpenConnectionIsReplacedByTheIdleWatchdog(CapturedOutput output) {
		this.gateway.app(KEY, SECRET).pingEvery(Duration.ofMillis(100));
		StreamRecorder recorder = run("dingtalk.stream.idle-timeout=1s");
		GatewayConnection zombie = this.gateway.awaitConnection(KEY, WAIT);
		zombie.halfOpen();
		StreamPush push = this.gateway.pushEvent(KEY, "user_add_org", "to-zombie", "{\"userId\":[\"u1\"]}");
		GatewayConnection replacement = this.gateway.awaitNewConnection(KEY, zombie, WAIT);
		assertThat(push.awaitCompletion(WAIT).connectionId()).isEqualTo(replacement.id());
		assertThat(recorder.events).hasSize(1);
		assertThat(output).contains("no frame within dingtalk.stream.idle-timeout");
	}

	@Test
	void refusedCredentialsAreReportedOnceNamingThePropertyAndRetriedSlowly(CapturedOutput output) {
		this.gateway.app(KEY, "another-secret");
		run("dingtalk.stream.initial-backoff=1ms", "dingtalk.stream.auth-failure-backoff=10m");
		this.gateway.awaitCondition(() -> output.getOut().contains("refused the credentials"), WAIT, "the error");
		pause(Duration.ofMillis(500));
		// the ordinary backoff of 1 ms would have made hundreds of calls by now
		assertThat(this.gateway.openCalls(KEY)).singleElement()
			.satisfies((call) -> assertThat(call.status()).isEqualTo(401));
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void refusedCredentialsAreRetriedAtTheAuthFailureBackoffAndReportedOnce(CapturedOutput output) {
		this.gateway.app(KEY, "another-secret");
		run("dingtalk.stream.initial-backoff=1ms", "dingtalk.stream.auth-failure-backoff=100ms");
		this.gateway.awaitCondition(() -> this.gateway.openCalls(KEY).size() >= 3, WAIT, "three attempts");
		assertThat(this.gateway.openCalls(KEY)).allSatisfy((call) -> assertThat(call.status()).isEqualTo(401));
		assertThat(output.getOut().split("refused the credentials", -1)).hasSize(2);
		assertThat(output.getOut()).contains("check dingtalk.app-secret and dingtalk.app-key")
			.doesNotContain(SECRET);
		assertThat(this.gateway.allConnections()).isEmpty();
	}

	@Test
	void malformedAndOversizedFramesAreSkippedAndTheConnectionStaysUp(CapturedOutput output) {
		this.gateway.app(KEY, SECRET);
		StreamRecorder recorder = run("dingtalk.stream.max-frame-size=2KB");
		GatewayConnection connection = this.gateway.awaitConnection(KEY, WAIT);
		connection.sendRaw("not json at all");
		connection.sendRaw("{\"type\":\"EVENT\",\"headers\":{\"topic\":\"*\"},\"data\":\"{}\"}");
		String secretPayload = "x".repeat(4096);
		connection.sendRaw("{\"type\":\"EVENT\",\"headers\":{\"messageId\":\"big-1\",\"eventType\":\"user_add_org\","
				+ "\"eventId\":\"big\"},\"data\":\"{\\\"userId\\\":[\\\"" + secretPayload + "\\\"]}\"}");
		StreamPush push = this.gateway.pushEvent(KEY, "user_add_org", "after-garbage", "{\"userId\":[\"u1\"]}");
		assertThat(push.awaitCompletion(WAIT).connectionId()).isEqualTo(connection.id());
		assertThat(recorder.events).singleElement()
			.satisfies((event) -> assertThat(event.getEventId()).isEqualTo("after-garbage"));
		assertThat(this.gateway.acks()).extracting(StreamAck::messageId).doesNotContain("big-1");
		assertThat(this.gateway.openCalls(KEY)).hasSize(1);
		assertThat(output).contains("Skipped a malformed Stream frame").contains("not JSON")
			.contains("larger than dingtalk.stream.max-frame-size")
			.doesNotContain(secretPayload);
	}

}
