package io.dingboot.callback;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.dingboot.token.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pushes encrypted for an owner key the endpoint does not accept, as an outsider who knows the
 * token and aes-key (or replays a push for another app) could send them in bulk: each is refused
 * and counted, while the log gets a bounded number of WARN lines without secrets.
 */
@ExtendWith(OutputCaptureExtension.class)
class OwnerKeyMismatchLogTests {

	private static final String TOKEN = "mismatchToken7";

	private static final String AES_KEY = "Qw9eR8tY7uI6oP5aS4dF3gH2jK1lZ0xC9vB8nM7qW6e";

	private static final String FOREIGN_OWNER = "dingforeignowner";

	private final DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto(TOKEN, AES_KEY);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));

	private final List<CallbackOutcome> outcomes = new ArrayList<>();

	private final DingTalkCallbackServlet servlet = new DingTalkCallbackServlet(this.crypto, Set.of("dingmyapp"),
			new CallbackDispatcher((event) -> {
			}, new InMemoryCallbackDeduplicator(), Duration.ofHours(1), List.of(this.outcomes::add)),
			Duration.ofMinutes(10), 64 * 1024, this.clock);

	@Test
	void thousandMismatchesWriteOneWarnLineThenOneSummaryLinePerMinuteWithTheCount(CapturedOutput output)
			throws Exception {
		for (int i = 0; i < 1000; i++) {
			assertThat(push()).isEqualTo(403);
		}
		assertThat(warnLines(output)).singleElement()
			.satisfies((line) -> assertThat(line).contains("Refused a DingTalk callback encrypted for none of the "
					+ "configured owner keys; check dingtalk.callback.owner-key"));
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(push()).isEqualTo(403);
		assertThat(warnLines(output)).hasSize(1);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(push()).isEqualTo(403);
		assertThat(warnLines(output)).hasSize(2);
		assertThat(warnLines(output).get(1)).contains("Refused 1001 DingTalk callback(s) encrypted for none of the "
				+ "configured owner keys since the last such warning; check dingtalk.callback.owner-key");
		assertThat(this.outcomes).hasSize(1002)
			.allSatisfy((outcome) -> assertThat(outcome.rejection()).isEqualTo(CallbackRejection.OWNER_KEY_MISMATCH));
		assertThat(output.getAll()).doesNotContain(TOKEN)
			.doesNotContain(AES_KEY)
			.doesNotContain(FOREIGN_OWNER)
			.doesNotContain("Exception");
	}

	private int push() throws Exception {
		String encrypt = this.crypto.encrypt("{\"EventType\":\"user_add_org\",\"UserId\":[\"u1\"]}", FOREIGN_OWNER);
		String timestamp = Long.toString(this.clock.millis());
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/dingtalk/callback");
		request.setQueryString("signature=" + this.crypto.signature(timestamp, nonce, encrypt) + "&timestamp="
				+ timestamp + "&nonce=" + nonce);
		request.setContentType("application/json");
		request.setContent(("{\"encrypt\":\"" + encrypt + "\"}").getBytes(StandardCharsets.UTF_8));
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.servlet.service(request, response);
		assertThat(response.getContentAsString()).contains("\"error\":\"owner_key_mismatch\"");
		return response.getStatus();
	}

	private static List<String> warnLines(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains(" WARN ")).toList();
	}

}
