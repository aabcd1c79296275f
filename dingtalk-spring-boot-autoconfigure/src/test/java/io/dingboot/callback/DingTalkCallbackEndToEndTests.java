package io.dingboot.callback;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the callback endpoint in a real servlet container (with Spring Security's
 * default form-login chain on), fed by encrypted pushes the way DingTalk sends them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.app-key=dingappkey0001", "dingtalk.app-secret=dummy-secret",
				"dingtalk.corp-id=dingcorp0001", "dingtalk.callback.enabled=true",
				"dingtalk.callback.token=" + DingTalkCallbackEndToEndTests.TOKEN,
				"dingtalk.callback.aes-key=" + DingTalkCallbackEndToEndTests.AES_KEY,
				"logging.level.io.dingboot=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class DingTalkCallbackEndToEndTests {

	static final String TOKEN = "tok3nSecretE2e";

	static final String AES_KEY = "Qx7kP2mZ9vB4nL6wR1tY8uI3oA5sD0fG2hJ4kL6zX8c";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private Recorder recorder;

	@Autowired
	private Map<String, SecurityFilterChain> securityFilterChains;

	private final DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto(TOKEN, AES_KEY);

	private CallbackTestPusher pusher;

	@BeforeEach
	void setUp() {
		this.recorder.clear();
		this.pusher = new CallbackTestPusher(URI.create("http://localhost:" + this.port + "/dingtalk/callback"),
				this.crypto, "dingappkey0001");
	}

	@Test
	void checkUrlIsAnsweredWithEncryptedSuccessAndNotPublished() {
		HttpResponse<String> response = this.pusher.push("{\"EventType\":\"check_url\"}");
		assertSuccessReply(response, "dingappkey0001");
		assertThat(this.recorder.all).isEmpty();
	}

	@Test
	void userAddOrgIsDeliveredAsTypedEventWithParsedFields() {
		HttpResponse<String> response = this.pusher.push("{\"EventType\":\"user_add_org\",\"EventTime\":1663143335567,"
				+ "\"CorpId\":\"dingcorp0001\",\"eventId\":\"e-add-1\",\"userId\":[\"u1\",\"u2\"]}");
		assertSuccessReply(response, "dingappkey0001");
		assertThat(this.recorder.userAdds).singleElement().satisfies((event) -> {
			assertThat(event.getUserIds()).containsExactly("u1", "u2");
			assertThat(event.getCorpId()).isEqualTo("dingcorp0001");
			assertThat(event.getEventId()).isEqualTo("e-add-1");
			assertThat(event.getEventTime()).isEqualTo(Instant.ofEpochMilli(1663143335567L));
			assertThat(event.getOwnerKey()).isEqualTo("dingappkey0001");
			assertThat(event.getPayload().get("userId").size()).isEqualTo(2);
		});
		assertThat(this.recorder.all).hasSize(1);
		assertThat(this.recorder.userEvents).hasSize(1);
	}

	@Test
	void olderKeySpellingsAndCorpIdOwnerKeyAreUnderstood() {
		CallbackTestPusher corpPusher = new CallbackTestPusher(
				URI.create("http://localhost:" + this.port + "/dingtalk/callback"), this.crypto, "dingcorp0001");
		assertSuccessReply(corpPusher.push("{\"EventType\":\"user_leave_org\",\"TimeStamp\":1614767836,"
				+ "\"UserId\":[\"old1\"],\"CorpId\":\"dingcorp0001\"}"), "dingcorp0001");
		assertSuccessReply(corpPusher.push("{\"EventType\":\"org_dept_create\",\"DeptId\":[\"42\",7],"
				+ "\"CorpId\":\"dingcorp0001\"}"), "dingcorp0001");
		assertThat(this.recorder.userEvents).singleElement().satisfies((event) -> {
			assertThat(event).isInstanceOf(UserLeaveOrgEvent.class);
			assertThat(event.getUserIds()).containsExactly("old1");
			assertThat(event.getEventTime()).isEqualTo(Instant.ofEpochSecond(1614767836L));
			assertThat(event.getOwnerKey()).isEqualTo("dingcorp0001");
		});
		assertThat(this.recorder.departmentEvents).singleElement().satisfies((event) -> {
			assertThat(event).isInstanceOf(OrgDeptCreateEvent.class);
			assertThat(event.getDeptIds()).containsExactly(42L, 7L);
		});
	}

	@Test
	void untypedEventIsDeliveredAsDingTalkEvent() {
		assertSuccessReply(this.pusher.push("{\"EventType\":\"bpms_instance_change\",\"eventId\":\"b1\","
				+ "\"processInstanceId\":\"p1\"}"), "dingappkey0001");
		assertThat(this.recorder.all).singleElement().satisfies((event) -> {
			assertThat(event.getClass()).isEqualTo(DingTalkEvent.class);
			assertThat(event.getEventType()).isEqualTo("bpms_instance_change");
			assertThat(event.getPayload().get("processInstanceId").stringValue()).isEqualTo("p1");
		});
	}

	@Test
	void duplicatePushWithSameEventIdIsAcknowledgedButNotDeliveredTwice() {
		String json = "{\"EventType\":\"org_dept_modify\",\"eventId\":\"dup-1\",\"deptId\":[5]}";
		assertSuccessReply(this.pusher.push(json), "dingappkey0001");
		assertSuccessReply(this.pusher.push(json), "dingappkey0001");
		assertThat(this.recorder.departmentEvents).hasSize(1);
		assertThat(this.recorder.all).hasSize(1);
	}

	@Test
	void duplicatePushWithoutEventIdIsRecognisedBySignatureTimestampAndNonce() {
		CallbackTestPusher.Push push = this.pusher.prepare("{\"EventType\":\"org_change\",\"CorpId\":\"dingcorp0001\"}");
		assertSuccessReply(this.pusher.send(push), "dingappkey0001");
		assertSuccessReply(this.pusher.send(push), "dingappkey0001");
		assertThat(this.recorder.all).singleElement().isInstanceOf(OrgChangeEvent.class);
		assertSuccessReply(this.pusher.push("{\"EventType\":\"org_change\",\"CorpId\":\"dingcorp0001\"}"),
				"dingappkey0001");
		assertThat(this.recorder.all).hasSize(2);
	}

	@Test
	void failingListenerCausesNonSuccessReplyAndTheRePushIsDeliveredOnce() throws Exception {
		String json = "{\"EventType\":\"org_admin_add\",\"eventId\":\"flaky-1\",\"userId\":[\"boss\"]}";
		this.recorder.failuresLeft.set(1);
		HttpResponse<String> first = this.pusher.push(json);
		assertThat(first.statusCode()).isEqualTo(503);
		assertThat(mapper.readTree(first.body()).get("error").stringValue()).isEqualTo("listener_failed");
		assertThat(first.body()).doesNotContain("Exception").doesNotContain("at io.");
		assertThat(this.recorder.all).isEmpty();
		assertSuccessReply(this.pusher.push(json), "dingappkey0001");
		assertSuccessReply(this.pusher.push(json), "dingappkey0001");
		assertThat(this.recorder.all).singleElement().isInstanceOf(OrgAdminAddEvent.class);
	}

	@Test
	void wrongSignatureIsRefusedWith403AndNothingPublished() throws Exception {
		CallbackTestPusher.Push push = this.pusher.prepare("{\"EventType\":\"user_add_org\",\"userId\":[\"x\"]}");
		HttpResponse<String> response = this.pusher.post("?msg_signature=" + "0".repeat(40) + "&timeStamp="
				+ push.timestamp() + "&nonce=" + push.nonce(), push.body());
		assertRejected(response, 403, "signature_mismatch");
	}

	@Test
	void wrongOwnerKeyIsRefusedWith403() throws Exception {
		CallbackTestPusher other = new CallbackTestPusher(
				URI.create("http://localhost:" + this.port + "/dingtalk/callback"), this.crypto, "suiteSomeoneElse");
		assertRejected(other.push("{\"EventType\":\"user_add_org\",\"userId\":[\"x\"]}"), 403, "owner_key_mismatch");
	}

	@Test
	void staleTimestampInMillisecondsOrSecondsIsRefusedWith403() throws Exception {
		String encrypt = this.crypto.encrypt("{\"EventType\":\"user_add_org\"}", "dingappkey0001");
		String body = "{\"encrypt\":\"" + encrypt + "\"}";
		String staleMillis = Long.toString(System.currentTimeMillis() - 3_600_000L);
		String staleSeconds = Long.toString(System.currentTimeMillis() / 1000 - 3600);
		String freshSeconds = Long.toString(System.currentTimeMillis() / 1000);
		for (String timestamp : List.of(staleMillis, staleSeconds, "not-a-number")) {
			assertRejected(this.pusher.post("?signature=" + this.crypto.signature(timestamp, "n1", encrypt)
					+ "&timestamp=" + timestamp + "&nonce=n1", body), 403, "timestamp_rejected");
		}
		assertSuccessReply(this.pusher.post("?signature=" + this.crypto.signature(freshSeconds, "n1", encrypt)
				+ "&timestamp=" + freshSeconds + "&nonce=n1", body), "dingappkey0001");
	}

	@Test
	void undecryptableOrMalformedBodyIsRefusedWith400() throws Exception {
		DingTalkCallbackCrypto wrongKey = new DingTalkCallbackCrypto(TOKEN, "A".repeat(43));
		String encrypt = wrongKey.encrypt("{\"EventType\":\"user_add_org\"}", "dingappkey0001");
		String timestamp = Long.toString(System.currentTimeMillis());
		assertRejected(this.pusher.post("?signature=" + this.crypto.signature(timestamp, "n", encrypt) + "&timestamp="
				+ timestamp + "&nonce=n", "{\"encrypt\":\"" + encrypt + "\"}"), 400, "undecryptable");
		assertRejected(this.pusher.post("?signature=abc&timestamp=" + timestamp + "&nonce=n", "{not json"), 400,
				"malformed_request");
		assertRejected(this.pusher.post("?signature=abc&timestamp=" + timestamp + "&nonce=n", "{\"encrypt\":5}"), 400,
				"malformed_request");
		assertRejected(this.pusher.post("?timestamp=" + timestamp + "&nonce=n", "{\"encrypt\":\"x\"}"), 400,
				"missing_parameter");
		String notAnEvent = this.crypto.encrypt("[1,2]", "dingappkey0001");
		assertRejected(this.pusher.post("?signature=" + this.crypto.signature(timestamp, "n", notAnEvent)
				+ "&timestamp=" + timestamp + "&nonce=n", "{\"encrypt\":\"" + notAnEvent + "\"}"), 400,
				"malformed_request");
	}

	@Test
	void bodyOver64KbIsRefusedWith413() throws Exception {
		String timestamp = Long.toString(System.currentTimeMillis());
		assertRejected(this.pusher.post("?signature=abc&timestamp=" + timestamp + "&nonce=n",
				"{\"encrypt\":\"" + "A".repeat(70_000) + "\"}"), 413, "body_too_large");
	}

	@Test
	void getIsRefusedWith405() throws Exception {
		HttpResponse<String> response = this.pusher.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/dingtalk/callback"))
			.GET());
		assertRejected(response, 405, "method_not_allowed");
	}

	@Test
	void otherPathsStayBehindTheApplicationsLogin() {
		HttpResponse<String> response = this.pusher.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/hello"))
			.header("Accept", "application/json")
			.GET());
		assertThat(response.statusCode()).isEqualTo(401);
		HttpResponse<String> post = this.pusher.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/hello"))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(post.statusCode()).isIn(401, 403);
		assertThat(this.securityFilterChains).containsKey("dingTalkCallbackSecurityFilterChain").hasSize(2);
	}

	@Test
	void tokenAndAesKeyNeverAppearInLogs(CapturedOutput output) {
		this.pusher.push("{\"EventType\":\"user_add_org\",\"eventId\":\"log-1\",\"userId\":[\"u\"]}");
		this.pusher.post("?signature=bad&timestamp=" + System.currentTimeMillis() + "&nonce=n", "{\"encrypt\":\"abc\"}");
		assertThat(output.getAll()).contains("Publishing").doesNotContain(TOKEN).doesNotContain(AES_KEY);
	}

	private void assertSuccessReply(HttpResponse<String> response, String ownerKey) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode reply = mapper.readTree(response.body());
		assertThat(reply.propertyNames()).containsExactlyInAnyOrder("msg_signature", "timeStamp", "nonce", "encrypt");
		DecryptedMessage message = this.crypto.verifyAndDecrypt(reply.get("msg_signature").stringValue(),
				reply.get("timeStamp").stringValue(), reply.get("nonce").stringValue(),
				reply.get("encrypt").stringValue(), Set.of(ownerKey));
		assertThat(message.plaintext()).isEqualTo("success");
	}

	private void assertRejected(HttpResponse<String> response, int status, String error) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode body = mapper.readTree(response.body());
		assertThat(body.get("error").stringValue()).isEqualTo(error);
		assertThat(body.get("message").stringValue()).isNotEmpty();
		assertThat(this.recorder.all).isEmpty();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

		@RestController
		static class HelloController {

			@GetMapping("/hello")
			Map<String, String> hello() {
				return Map.of("hello", "world");
			}

		}

	}

	static class Recorder {

		final List<DingTalkEvent> all = new CopyOnWriteArrayList<>();

		final List<UserAddOrgEvent> userAdds = new CopyOnWriteArrayList<>();

		final List<UserEvent> userEvents = new CopyOnWriteArrayList<>();

		final List<DepartmentEvent> departmentEvents = new CopyOnWriteArrayList<>();

		final AtomicInteger failuresLeft = new AtomicInteger();

		void clear() {
			this.all.clear();
			this.userAdds.clear();
			this.userEvents.clear();
			this.departmentEvents.clear();
			this.failuresLeft.set(0);
		}

		@EventListener
		void onAny(DingTalkEvent event) {
			if (this.failuresLeft.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				throw new IllegalStateException("listener failed on purpose");
			}
			this.all.add(event);
		}

		@EventListener
		void onUserAdd(UserAddOrgEvent event) {
			this.userAdds.add(event);
		}

		@EventListener
		void onUser(UserEvent event) {
			this.userEvents.add(event);
		}

		@EventListener
		void onDepartment(DepartmentEvent event) {
			this.departmentEvents.add(event);
		}

	}

}
