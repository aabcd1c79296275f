package io.dingboot.test.stream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dingboot.callback.CallbackDeduplicator;
import io.dingboot.callback.InMemoryCallbackDeduplicator;
import io.dingboot.stream.StreamListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.dingboot.test.stream.StreamTestApplication.KEY;
import static io.dingboot.test.stream.StreamTestApplication.SECRET;
import static io.dingboot.test.stream.StreamTestApplication.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which thread routes frames: the one that read them with the in-memory deduplicator (no hand-off
 * to the JDK {@code HttpClient}'s workers), a worker with any deduplicator that may block (Redis),
 * so that a slow robot-message claim holds up no connection's reading. Robot messages are claimed
 * on the reading thread before their ack.
 */
class StreamReadingThreadTests {

	private FakeStreamGateway gateway;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void startGateway() {
		this.gateway = FakeStreamGateway.start().app(KEY, SECRET);
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.gateway.close();
	}

	private Threads run(Class<?>... configurations) {
		Class<?>[] sources = new Class<?>[configurations.length + 2];
		sources[0] = StreamTestApplication.class;
		sources[1] = Threads.class;
		System.arraycopy(configurations, 0, sources, 2, configurations.length);
		this.context = StreamTestApplication.run(this.gateway, sources);
		this.gateway.awaitConnection(KEY, WAIT);
		for (int i = 0; i < 3; i++) {
			String message = FakeStreamGateway.robotTextMessage("msg-" + i, "zhangsan", "hello " + i);
			assertThat(this.gateway.pushRobotMessage(KEY, message).awaitAck(WAIT).code()).isEqualTo(200);
			assertThat(this.gateway.pushEvent(KEY, "user_add_org", "event-" + i, "{\"userId\":[\"u1\"]}")
				.awaitCompletion(WAIT)
				.status()).isEqualTo("SUCCESS");
		}
		return this.context.getBean(Threads.class);
	}

	@Test
	void withTheInMemoryDeduplicatorFramesAreRoutedOnTheThreadThatReadThemNotHandedToAWorker() {
		Threads threads = run();
		// the thread that drives the client's I/O: mostly its selector, never a worker of its executor
		assertThat(threads.names).hasSize(6).noneSatisfy((name) -> assertThat(name).contains("-Worker-"));
		assertThat(threads.names).anySatisfy((name) -> assertThat(name).contains("SelectorManager"));
	}

	@Test
	void withADeduplicatorThatMayBlockFramesAreHandedToTheHttpClientsWorkers() {
		Threads threads = run(MayBlock.class);
		// the first frame may be read by the thread that completed the handshake, never by the selector
		assertThat(threads.names).hasSize(6).noneSatisfy((name) -> assertThat(name).contains("SelectorManager"));
		assertThat(threads.names).anySatisfy((name) -> assertThat(name).contains("-Worker-"));
		assertThat(this.context.getBean(MayBlock.class).claims).hasSize(3);
	}

	static final class Threads implements StreamListener {

		final List<String> names = new CopyOnWriteArrayList<>();

		@Override
		public void frameReceived(String app, FrameType type) {
			if (type == FrameType.EVENT || type == FrameType.ROBOT) {
				this.names.add(Thread.currentThread().getName());
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MayBlock {

		final List<String> claims = new CopyOnWriteArrayList<>();

		@Bean
		CallbackDeduplicator remoteDeduplicator() {
			InMemoryCallbackDeduplicator delegate = new InMemoryCallbackDeduplicator();
			return new CallbackDeduplicator() {

				@Override
				public Claim claim(String key, Duration claimTimeout) {
					if (key.startsWith("robot:")) {
						MayBlock.this.claims.add(key);
					}
					return delegate.claim(key, claimTimeout);
				}

				@Override
				public void complete(String key, Duration window) {
					delegate.complete(key, window);
				}

				@Override
				public void release(String key) {
					delegate.release(key);
				}

			};
		}

	}

}
