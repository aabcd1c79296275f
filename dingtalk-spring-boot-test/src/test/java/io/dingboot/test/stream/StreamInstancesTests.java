package io.dingboot.test.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.dingboot.callback.CallbackDeduplicator;
import io.dingboot.callback.InMemoryCallbackDeduplicator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.dingboot.test.stream.StreamTestApplication.KEY;
import static io.dingboot.test.stream.StreamTestApplication.SECRET;
import static io.dingboot.test.stream.StreamTestApplication.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of one app, each with its own connection, sharing one deduplicator (as they
 * share Redis in production): DingTalk delivers each push to one of them, and an event that
 * reaches both is published once.
 */
class StreamInstancesTests {

	private final FakeStreamGateway gateway = FakeStreamGateway.start()
		.app(KEY, SECRET)
		.random(new Random(7))
		.redeliveryDelay(Duration.ofMillis(300));

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.gateway.close();
	}

	private StreamRecorder instance(CallbackDeduplicator shared) {
		ConfigurableApplicationContext context = StreamTestApplication.run(this.gateway,
				new Class<?>[] { StreamTestApplication.class },
				(initializing) -> initializing.getBeanFactory().registerSingleton("sharedDeduplicator", shared));
		this.instances.add(context);
		return context.getBean(StreamRecorder.class);
	}

	@Test
	void eachInstanceConnectsAndAnEventDeliveredToBothIsPublishedOnce() {
		InMemoryCallbackDeduplicator shared = new InMemoryCallbackDeduplicator();
		StreamRecorder first = instance(shared);
		StreamRecorder second = instance(shared);
		this.gateway.awaitCondition(() -> this.gateway.connections(KEY).size() == 2, WAIT, "two connections");
		assertThat(this.gateway.openCalls(KEY)).hasSize(2);
		List<StreamPush> pushes = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			StreamPush push = this.gateway.pushEvent(KEY, "user_add_org", "same-event", "{\"userId\":[\"u1\"]}");
			assertThat(push.awaitCompletion(WAIT).status()).isEqualTo("SUCCESS");
			pushes.add(push);
		}
		assertThat(pushes.stream().map((push) -> push.connectionIds().get(0)).distinct()).hasSize(2);
		assertThat(first.events.size() + second.events.size()).isEqualTo(1);
	}

	@Test
	void robotMessagesAreSpreadOverTheInstancesAndEachIsPublishedOnce() {
		InMemoryCallbackDeduplicator shared = new InMemoryCallbackDeduplicator();
		StreamRecorder first = instance(shared);
		StreamRecorder second = instance(shared);
		this.gateway.awaitCondition(() -> this.gateway.connections(KEY).size() == 2, WAIT, "two connections");
		for (int i = 0; i < 12; i++) {
			this.gateway.pushRobotMessage(KEY, FakeStreamGateway.robotTextMessage("m-" + i, "u", "hi")).awaitAck(WAIT);
		}
		this.gateway.awaitCondition(() -> first.messages.size() + second.messages.size() == 12, WAIT,
				"twelve messages");
		assertThat(first.messages).isNotEmpty();
		assertThat(second.messages).isNotEmpty();
	}

}
