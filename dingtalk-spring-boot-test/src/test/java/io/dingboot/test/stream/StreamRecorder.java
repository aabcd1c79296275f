package io.dingboot.test.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.dingboot.callback.DingTalkEvent;
import io.dingboot.stream.RobotMessageEvent;

import org.springframework.context.event.EventListener;

/**
 * Listens to events and robot messages in the Stream tests: records them, fails on demand, and can
 * hold robot message listeners until released.
 */
class StreamRecorder {

	final List<DingTalkEvent> events = new CopyOnWriteArrayList<>();

	final List<RobotMessageEvent> messages = new CopyOnWriteArrayList<>();

	final AtomicInteger eventFailures = new AtomicInteger();

	volatile CountDownLatch robotGate = new CountDownLatch(0);

	final AtomicInteger robotRunning = new AtomicInteger();

	@EventListener
	void onEvent(DingTalkEvent event) {
		if (this.eventFailures.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			throw new IllegalStateException("listener failure on purpose");
		}
		this.events.add(event);
	}

	@EventListener
	void onMessage(RobotMessageEvent message) throws InterruptedException {
		this.robotRunning.incrementAndGet();
		try {
			this.robotGate.await(30, TimeUnit.SECONDS);
			this.messages.add(message);
		}
		finally {
			this.robotRunning.decrementAndGet();
		}
	}

}
