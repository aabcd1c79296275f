package io.dingboot.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dingboot.callback.DingTalkCallbackCrypto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link FakeDingTalk#pushEvent}: the push DingTalk makes to a callback URL, checked by a plain
 * JDK HTTP server that verifies and decrypts it with DingBoot's crypto.
 */
class CallbackPushTests {

	private static final String TOKEN = "pushtoken";

	private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final String EVENT = "{\"EventType\":\"user_add_org\",\"userId\":[\"zhangsan\"],\"eventId\":\"e-1\"}";

	@RegisterExtension
	static FakeDingTalkExtension dingTalk = new FakeDingTalkExtension(FakeOrganization.demo());

	private final DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto(TOKEN, AES_KEY);

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private Function<Received, Answer> answer;

	@BeforeEach
	void startReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/dingtalk/callback", this::handle);
		this.server.start();
		this.answer = (push) -> new Answer(200, FakeHttp.json.writeValueAsString(this.crypto.encryptedReply("success",
				push.ownerKey())));
	}

	@AfterEach
	void stopReceiver() {
		this.server.stop(0);
	}

	@Test
	void pushEventPostsTheEncryptedSignedEventAsDingTalkDoes() {
		CallbackPushResult result = dingTalk.get().pushEvent(url(), TOKEN, AES_KEY, "dingdemoappkey", EVENT);
		assertThat(this.received).singleElement().satisfies((push) -> {
			assertThat(push.method()).isEqualTo("POST");
			assertThat(push.contentType()).startsWith("application/json");
			assertThat(push.query()).containsOnlyKeys("msg_signature", "timestamp", "nonce");
			assertThat(push.query().get("nonce")).matches("[A-Za-z0-9]{16}");
			assertThat(push.query().get("timestamp")).matches("[0-9]{13}");
			assertThat(push.body().propertyNames()).containsExactly("encrypt");
			assertThat(push.plaintext()).isEqualTo(EVENT);
			assertThat(push.ownerKey()).isEqualTo("dingdemoappkey");
		});
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.reply()).isEqualTo("success");
		assertThat(result.isSuccess()).isTrue();
	}

	@Test
	void pushEventWhenTheReceiverRefusesThenReportsTheStatusAndNoReply() {
		this.answer = (push) -> new Answer(403, "{\"error\":\"signature_mismatch\",\"message\":\"no\"}");
		CallbackPushResult result = dingTalk.get().pushEvent(url(), TOKEN, AES_KEY, "dingdemoappkey", EVENT);
		assertThat(result.status()).isEqualTo(403);
		assertThat(result.body()).contains("signature_mismatch");
		assertThat(result.reply()).isNull();
		assertThat(result.isSuccess()).isFalse();
	}

	@Test
	void pushEventWhenTheReplySignatureIsWrongThenReplyIsNull() {
		this.answer = (push) -> {
			Map<String, String> reply = new LinkedHashMap<>(this.crypto.encryptedReply("success", push.ownerKey()));
			reply.put("msg_signature", "0".repeat(40));
			return new Answer(200, FakeHttp.json.writeValueAsString(reply));
		};
		CallbackPushResult result = dingTalk.get().pushEvent(url(), TOKEN, AES_KEY, "dingdemoappkey", EVENT);
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.reply()).isNull();
		assertThat(result.isSuccess()).isFalse();
	}

	@Test
	void pushEventWhenTheReplyIsForAnotherOwnerKeyThenReplyIsNull() {
		this.answer = (push) -> new Answer(200,
				FakeHttp.json.writeValueAsString(this.crypto.encryptedReply("success", "dingothercorp")));
		CallbackPushResult result = dingTalk.get().pushEvent(url(), TOKEN, AES_KEY, "dingdemoappkey", EVENT);
		assertThat(result.reply()).isNull();
	}

	@Test
	void pushEventWhenNothingListensThenFailsNamingTheUrl() {
		String url = url();
		this.server.stop(0);
		assertThatIllegalStateException()
			.isThrownBy(() -> dingTalk.get().pushEvent(url, TOKEN, AES_KEY, "dingdemoappkey", EVENT))
			.withMessageContaining(url);
	}

	private String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/dingtalk/callback";
	}

	private void handle(HttpExchange exchange) throws IOException {
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
		}
		JsonNode body = FakeHttp.json.readTree(exchange.getRequestBody().readAllBytes());
		var message = this.crypto.verifyAndDecrypt(query.get("msg_signature"), query.get("timestamp"),
				query.get("nonce"), body.path("encrypt").asString(), List.of("dingdemoappkey", "dingdemocorp"));
		Received push = new Received(exchange.getRequestMethod(),
				exchange.getRequestHeaders().getFirst("Content-Type"), query, body, message.plaintext(),
				message.ownerKey());
		this.received.add(push);
		Answer answer = this.answer.apply(push);
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer.status(), bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	record Received(String method, String contentType, Map<String, String> query, JsonNode body, String plaintext,
			String ownerKey) {

	}

	record Answer(int status, String body) {

	}

}
