package io.dingboot.stream;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamConnection}: frame assembly and size limit, keep-alive pings, the pong
 * deadline and the idle watchdog, on a recording stand-in for the JDK WebSocket.
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

	static final class RecordingOwner implements StreamConnection.Owner {

		final List<StreamFrame> frames = new CopyOnWriteArrayList<>();

		final List<String> closed = new CopyOnWriteArrayList<>();

		@Override
		public void onFrame(StreamConnection connection, StreamFrame frame) {
			this.frames.add(frame);
		}

		@Override
		public void onClosed(StreamConnection connection, String reason) {
			this.closed.add(reason);
		}

	}

	static final class RecordingWebSocket implements WebSocket {

		final List<String> texts = new CopyOnWriteArrayList<>();

		volatile int pings;

		volatile long requested;

		volatile boolean aborted;

		@Override
		public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
			this.texts.add(data.toString());
			return CompletableFuture.completedFuture(this);
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

}
