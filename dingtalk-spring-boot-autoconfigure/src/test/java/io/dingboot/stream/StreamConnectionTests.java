package io.dingboot.stream;

import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamConnection}: frame assembly and size limit, sends one at a time, keep-alive
 * pings, the pong deadline and the idle watchdog, on a recording stand-in for the JDK WebSocket.
 */
class StreamConnectionTests {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private final RecordingOwner owner = new RecordingOwner();

	private final RecordingWebSocket socket = new RecordingWebSocket();

	private final StreamConnection connection = new StreamConnection("default", 64, this.owner);

	@Test
	void framesSplitOverSeveralPartsAreAssembled() {
		this.connection.onOpen(this.socket);
		this.connection.onText(this.socket, "{\"type\":\"SYSTEM\",\"headers\":", false);
		this.connection.onText(this.socket, "{\"messageId\":\"m1\"}}", true);
		assertThat(this.owner.frames).singleElement().satisfies((frame) -> assertThat(frame.messageId()).isEqualTo("m1"));
		assertThat(this.socket.requested).isEqualTo(3);
	}

	@Test
	void frameAboveTheLimitIsSkippedAndTheNextOneIsRead() {
		this.connection.onOpen(this.socket);
		this.connection.onText(this.socket, "{\"type\":\"EVENT\",\"headers\":{\"messageId\":\"big\"},\"data\":\"", false);
		this.connection.onText(this.socket, "中".repeat(20) + "\"}", true);
		this.connection.onText(this.socket, "{\"type\":\"SYSTEM\",\"headers\":{\"messageId\":\"m2\"}}", true);
		assertThat(this.owner.frames).extracting(StreamFrame::messageId).containsExactly("m2");
		assertThat(this.owner.closed).isEmpty();
	}

	@Test
	void pingIsSentAfterTheKeepAliveAndAPongClearsIt() {
		this.connection.onOpen(this.socket);
		long now = System.nanoTime();
		assertThat(this.connection.check(now + 3 * SECOND, 2 * SECOND, SECOND, 100 * SECOND)).isNull();
		assertThat(this.socket.pings).isEqualTo(1);
		this.connection.onPong(this.socket, ByteBuffer.allocate(0));
		assertThat(this.connection.check(now + 4 * SECOND + SECOND / 2, 2 * SECOND, SECOND, 100 * SECOND)).isNull();
		assertThat(this.socket.pings).isEqualTo(1);
	}

	@Test
	void missingPongAfterTheDeadlineMarksTheConnectionDead() {
		this.connection.onOpen(this.socket);
		long now = System.nanoTime();
		this.connection.check(now + 3 * SECOND, 2 * SECOND, SECOND, 100 * SECOND);
		assertThat(this.connection.check(now + 4 * SECOND + 1, 2 * SECOND, SECOND, 100 * SECOND))
			.isEqualTo("looks dead: no pong within dingtalk.stream.pong-timeout");
		this.connection.abort("looks dead");
		assertThat(this.socket.aborted).isTrue();
		assertThat(this.owner.closed).containsExactly("looks dead");
	}

	@Test
	void connectionWithoutFramesForTheIdleTimeoutIsDeadEvenWithPongs() {
		this.connection.onOpen(this.socket);
		long now = System.nanoTime();
		assertThat(this.connection.check(now + 11 * SECOND, 100 * SECOND, SECOND, 10 * SECOND))
			.isEqualTo("looks dead: no frame within dingtalk.stream.idle-timeout");
	}

	@Test
	void closeByTheGatewayIsReportedOnce() {
		this.connection.onOpen(this.socket);
		this.connection.onClose(this.socket, 1001, "going away");
		this.connection.onError(this.socket, new IllegalStateException());
		assertThat(this.owner.closed).containsExactly("was closed by the gateway (1001)");
		this.connection.send("late");
		assertThat(this.socket.texts).isEmpty();
	}

	@Test
	void responsesAreSentOneAfterAnother() {
		this.connection.onOpen(this.socket);
		this.connection.send("one");
		this.connection.send("two");
		assertThat(this.socket.texts).containsExactly("one", "two");
	}

	@Test
	void wholeFrameOfExactlyTheLimitIsReadAndOneByteMoreIsSkipped() {
		StreamConnection limited = new StreamConnection("default", 64, this.owner);
		limited.onOpen(this.socket);
		String head = "{\"type\":\"SYSTEM\",\"headers\":{\"messageId\":\"";
		String tail = "\"}}";
		// 3 bytes each in UTF-8, 1 character each: only counting tells these apart
		int room = 64 - head.length() - tail.length();
		String atLimit = head + "中".repeat(room / 3) + "a".repeat(room % 3) + tail;
		assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(64);
		limited.onText(this.socket, atLimit, true);
		limited.onText(this.socket, atLimit.replace(tail, "a" + tail), true);
		assertThat(this.owner.frames).singleElement().satisfies((frame) -> assertThat(frame.messageId()).startsWith("中"));
		assertThat(this.owner.skipped).containsExactly(StreamListener.FrameType.OVERSIZE);
		assertThat(this.socket.requested).isEqualTo(3);
	}

	@Test
	void sendsWaitForTheOneInFlightAndFollowInOrderWhenItCompletes() {
		this.connection.onOpen(this.socket);
		CompletableFuture<WebSocket> first = new CompletableFuture<>();
		this.socket.next = first;
		this.connection.send("one");
		this.connection.send("two");
		this.connection.send("three");
		assertThat(this.socket.texts).containsExactly("one");
		first.complete(this.socket);
		assertThat(this.socket.texts).containsExactly("one", "two", "three");
	}

	@Test
	void failedSendIsLoggedAndTheNextOneIsSent() {
		this.connection.onOpen(this.socket);
		this.socket.next = CompletableFuture.failedFuture(new IOException("broken pipe"));
		this.connection.send("one");
		this.connection.send("two");
		assertThat(this.socket.texts).containsExactly("one", "two");
	}

	@Test
	void sendsFromManyThreadsNeverOverlapAndAllArrive() throws Exception {
		OneAtATimeWebSocket socket = new OneAtATimeWebSocket();
		this.connection.onOpen(socket);
		ExecutorService senders = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				done.add(senders.submit(() -> {
					for (int i = 0; i < 500; i++) {
						this.connection.send(thread + ":" + i);
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(10, TimeUnit.SECONDS);
			}
			socket.awaitTexts(4000);
		}
		finally {
			senders.shutdownNow();
			socket.completer.shutdownNow();
		}
		assertThat(socket.overlaps).isZero();
		assertThat(socket.texts).hasSize(4000).doesNotHaveDuplicates();
		for (int t = 0; t < 8; t++) {
			String prefix = t + ":";
			assertThat(socket.texts.stream()
				.filter((text) -> text.startsWith(prefix))
				.map((text) -> Integer.parseInt(text.substring(prefix.length())))
				.toList()).isSorted();
		}
	}

	@Test
	void closeIsSentAfterQueuedResponsesAndCompletesWithIt() {
		this.connection.onOpen(this.socket);
		CompletableFuture<WebSocket> first = new CompletableFuture<>();
		this.socket.next = first;
		this.connection.send("one");
		CompletableFuture<?> closed = this.connection.close();
		assertThat(closed).isNotDone();
		assertThat(this.socket.closes).isZero();
		first.complete(this.socket);
		assertThat(this.socket.closes).isEqualTo(1);
		assertThat(closed).isCompleted();
	}

	@Test
	void closeOfAClosedConnectionCompletesAtOnceWithoutSending() {
		this.connection.onOpen(this.socket);
		this.connection.abort("looks dead");
		assertThat(this.connection.close()).isCompleted();
		assertThat(this.socket.closes).isZero();
	}

	static final class RecordingOwner implements StreamConnection.Owner {

		final List<StreamFrame> frames = new CopyOnWriteArrayList<>();

		final List<String> closed = new CopyOnWriteArrayList<>();

		final List<StreamListener.FrameType> skipped = new CopyOnWriteArrayList<>();

		@Override
		public void onSkipped(StreamConnection connection, StreamListener.FrameType type) {
			this.skipped.add(type);
		}

		@Override
		public void onFrame(StreamConnection connection, StreamFrame frame) {
			this.frames.add(frame);
		}

		@Override
		public void onClosed(StreamConnection connection, String reason) {
			this.closed.add(reason);
		}

	}

	static class RecordingWebSocket implements WebSocket {

		final List<String> texts = new CopyOnWriteArrayList<>();

		volatile int pings;

		volatile long requested;

		volatile boolean aborted;

		volatile int closes;

		/**
		 * What the next {@code sendText} returns, once; completed at once when {@code null}.
		 */
		volatile CompletableFuture<WebSocket> next;

		@Override
		public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
			this.texts.add(data.toString());
			CompletableFuture<WebSocket> result = this.next;
			this.next = null;
			return (result != null) ? result : CompletableFuture.completedFuture(this);
		}

		@Override
		public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
			return CompletableFuture.completedFuture(this);
		}

		@Override
		public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
			this.pings++;
			return CompletableFuture.completedFuture(this);
		}

		@Override
		public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
			return CompletableFuture.completedFuture(this);
		}

		@Override
		public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
			this.closes++;
			return CompletableFuture.completedFuture(this);
		}

		@Override
		public void request(long n) {
			this.requested += n;
		}

		@Override
		public String getSubprotocol() {
			return "";
		}

		@Override
		public boolean isOutputClosed() {
			return false;
		}

		@Override
		public boolean isInputClosed() {
			return false;
		}

		@Override
		public void abort() {
			this.aborted = true;
		}

	}

	/**
	 * Like the JDK's WebSocket: one text send at a time, completed later on another thread.
	 */
	static final class OneAtATimeWebSocket extends RecordingWebSocket {

		final ExecutorService completer = Executors.newSingleThreadExecutor();

		final AtomicInteger outstanding = new AtomicInteger();

		final Semaphore sent = new Semaphore(0);

		volatile int overlaps;

		@Override
		public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
			if (this.outstanding.incrementAndGet() > 1) {
				this.overlaps++;
			}
			this.texts.add(data.toString());
			CompletableFuture<WebSocket> result = new CompletableFuture<>();
			this.completer.execute(() -> {
				this.outstanding.decrementAndGet();
				this.sent.release();
				result.complete(this);
			});
			return result;
		}

		void awaitTexts(int count) throws InterruptedException {
			assertThat(this.sent.tryAcquire(count, 10, TimeUnit.SECONDS)).isTrue();
		}

	}

}
