package io.dingboot.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DingTalkTransport#readBody} reads the whole answer whatever length was announced.
 */
class DingTalkTransportReadBodyTests {

	private static final byte[] ANSWER = "{\"errcode\":0,\"errmsg\":\"ok\",\"result\":[1,2,3]}"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void anAnswerOfTheAnnouncedLengthIsReadWhole() throws IOException {
		assertThat(DingTalkTransport.readBody(trickle(ANSWER), ANSWER.length)).isEqualTo(ANSWER);
	}

	@Test
	void anAnswerLongerOrShorterThanAnnouncedIsReadWhole() throws IOException {
		assertThat(DingTalkTransport.readBody(trickle(ANSWER), 5)).isEqualTo(ANSWER);
		assertThat(DingTalkTransport.readBody(trickle(ANSWER), 0)).isEqualTo(ANSWER);
		assertThat(DingTalkTransport.readBody(trickle(ANSWER), ANSWER.length + 100)).isEqualTo(ANSWER);
	}

	@Test
	void anAnswerOfUnknownLengthIsReadWholeEvenWhenLarge() throws IOException {
		byte[] large = new byte[70_000];
		for (int i = 0; i < large.length; i++) {
			large[i] = (byte) i;
		}
		assertThat(DingTalkTransport.readBody(trickle(ANSWER), -1)).isEqualTo(ANSWER);
		assertThat(DingTalkTransport.readBody(trickle(large), -1)).isEqualTo(large);
		assertThat(DingTalkTransport.readBody(trickle(large), Long.MAX_VALUE)).isEqualTo(large);
	}

	@Test
	void anEmptyAnswerIsEmpty() throws IOException {
		assertThat(DingTalkTransport.readBody(trickle(new byte[0]), 0)).isEmpty();
		assertThat(DingTalkTransport.readBody(trickle(new byte[0]), -1)).isEmpty();
	}

	/**
	 * A stream that hands out at most 7 bytes a read, as a socket may.
	 */
	private static InputStream trickle(byte[] bytes) {
		return new ByteArrayInputStream(bytes) {

			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, 7));
			}

		};
	}

}
