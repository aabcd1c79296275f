package io.dingboot.callback;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of callbacks for several apps in a real servlet container (with Spring
 * Security's default chain on): the app {@code default} at the callback path, {@code hr} and
 * {@code oa} under it, each with its own token, aes-key and owner keys.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.app-key=dingdefaultkey", "dingtalk.app-secret=default-secret",
				"dingtalk.corp-id=dingcorpa", "dingtalk.callback.enabled=true",
				"dingtalk.callback.token=" + DingTalkCallbackSeveralAppsEndToEndTests.DEFAULT_TOKEN,
				"dingtalk.callback.aes-key=" + DingTalkCallbackSeveralAppsEndToEndTests.DEFAULT_AES_KEY,
				"dingtalk.apps.hr.app-key=dinghrkey", "dingtalk.apps.hr.app-secret=hr-secret",
				"dingtalk.apps.hr.corp-id=dingcorpa",
				"dingtalk.apps.hr.callback.token=" + DingTalkCallbackSeveralAppsEndToEndTests.HR_TOKEN,
				"dingtalk.apps.hr.callback.aes-key=" + DingTalkCallbackSeveralAppsEndToEndTests.HR_AES_KEY,
				"dingtalk.apps.oa.app-key=dingoakey", "dingtalk.apps.oa.app-secret=oa-secret",
				"dingtalk.apps.oa.corp-id=dingcorpb",
				"dingtalk.apps.oa.callback.token=" + DingTalkCallbackSeveralAppsEndToEndTests.OA_TOKEN,
				"dingtalk.apps.oa.callback.aes-key=" + DingTalkCallbackSeveralAppsEndToEndTests.OA_AES_KEY,
				"dingtalk.apps.robot.app-key=dingrobotkey", "dingtalk.apps.robot.app-secret=robot-secret",
				"dingtalk.apps.off.app-key=dingoffkey", "dingtalk.apps.off.app-secret=off-secret",
				"dingtalk.apps.off.callback.enabled=false", "dingtalk.apps.off.callback.token=offT0ken",
				"dingtalk.apps.off.callback.aes-key=" + DingTalkCallbackSeveralAppsEndToEndTests.OA_AES_KEY })
class DingTalkCallbackSeveralAppsEndToEndTests {

	static final String DEFAULT_TOKEN = "defaultT0ken";

	static final String DEFAULT_AES_KEY = "Qx7kP2mZ9vB4nL6wR1tY8uI3oA5sD0fG2hJ4kL6zX8c";

	static final String HR_TOKEN = "hrT0ken";

	static final String HR_AES_KEY = "Hr7kP2mZ9vB4nL6wR1tY8uI3oA5sD0fG2hJ4kL6zX8c";

	static final String OA_TOKEN = "oaT0ken";

	static final String OA_AES_KEY = "Oa7kP2mZ9vB4nL6wR1tY8uI3oA5sD0fG2hJ4kL6zX8c";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final DingTalkCallbackCrypto defaultCrypto = new DingTalkCallbackCrypto(DEFAULT_TOKEN, DEFAULT_AES_KEY);

	private final DingTalkCallbackCrypto hrCrypto = new DingTalkCallbackCrypto(HR_TOKEN, HR_AES_KEY);

	private final DingTalkCallbackCrypto oaCrypto = new DingTalkCallbackCrypto(OA_TOKEN, OA_AES_KEY);

	@LocalServerPort
	private int port;

	@Autowired
	private Recorder recorder;

	@BeforeEach
	void clear() {
		this.recorder.events.clear();
		this.recorder.hrOnly.clear();
	}

	@Test
	void eachAppsPushIsDeliveredAsAnEventOfThatApp() {
		assertSuccess(pusher("", this.defaultCrypto, "dingdefaultkey").push(userAdd("d-1", "dingcorpa", "u-default")),
				this.defaultCrypto, "dingdefaultkey");
		assertSuccess(pusher("/hr", this.hrCrypto, "dinghrkey").push(userAdd("h-1", "dingcorpa", "u-hr")),
				this.hrCrypto, "dinghrkey");
		assertSuccess(pusher("/oa", this.oaCrypto, "dingoakey").push(userAdd("o-1", "dingcorpb", "u-oa")),
				this.oaCrypto, "dingoakey");
		assertThat(this.recorder.events).hasSize(3);
		assertThat(this.recorder.events).extracting(DingTalkEvent::appName).containsExactly("default", "hr", "oa");
		assertThat(this.recorder.events).allSatisfy((event) -> assertThat(event).isInstanceOf(UserAddOrgEvent.class));
		assertThat(this.recorder.events).extracting((event) -> ((UserAddOrgEvent) event).getUserIds().get(0))
			.containsExactly("u-default", "u-hr", "u-oa");
		assertThat(this.recorder.events).extracting(DingTalkEvent::getOwnerKey)
			.containsExactly("dingdefaultkey", "dinghrkey", "dingoakey");
	}

	@Test
	void appsCorpIdIsAnOwnerKeyOfThatAppOnly() {
		assertSuccess(pusher("/oa", this.oaCrypto, "dingcorpb").push(userAdd("o-2", "dingcorpb", "u")), this.oaCrypto,
				"dingcorpb");
		assertRejected(pusher("/oa", this.oaCrypto, "dinghrkey").push(userAdd("o-3", "dingcorpb", "u")), 403,
				"owner_key_mismatch");
		assertRejected(pusher("/oa", this.oaCrypto, "dingcorpa").push(userAdd("o-4", "dingcorpb", "u")), 403,
				"owner_key_mismatch");
		assertThat(this.recorder.events).hasSize(1);
		assertThat(this.recorder.events.get(0).appName()).isEqualTo("oa");
	}

	@Test
	void pushForOneAppPostedToAnotherAppsPathIsRefusedAndNothingIsPublished() {
		String event = userAdd("h-2", "dingcorpa", "u");
		assertRejected(pusher("/oa", this.hrCrypto, "dinghrkey").push(event), 403, "signature_mismatch");
		assertRejected(pusher("", this.hrCrypto, "dinghrkey").push(event), 403, "signature_mismatch");
		assertRejected(pusher("/hr", this.defaultCrypto, "dingdefaultkey").push(event), 403, "signature_mismatch");
		assertThat(this.recorder.events).isEmpty();
	}

	@Test
	void pushSignedWithTheRightTokenButEncryptedWithAnotherAppsAesKeyIsRefused() {
		CallbackTestPusher.Push push = pusher("/oa", this.hrCrypto, "dinghrkey").prepare(userAdd("h-3", "dingcorpa", "u"));
		String encrypt = mapper.readTree(push.body()).get("encrypt").stringValue();
		String signature = this.oaCrypto.signature(push.timestamp(), push.nonce(), encrypt);
		HttpResponse<String> response = pusher("/oa", this.oaCrypto, "dingoakey")
			.post("?signature=" + signature + "&timestamp=" + push.timestamp() + "&nonce=" + push.nonce(), push.body());
		assertRejected(response, 400, "undecryptable");
		assertThat(this.recorder.events).isEmpty();
	}

	@Test
	void unknownOrLeftOutAppIsA404JsonAnswer() {
		for (String path : List.of("/nosuch", "/robot", "/off", "/default", "/hr/extra", "/")) {
			assertRejected(pusher(path, this.hrCrypto, "dinghrkey").push(userAdd("x-1", "dingcorpa", "u")), 404,
					"unknown_app");
		}
		HttpResponse<String> get = pusher("", this.hrCrypto, "dinghrkey").send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/dingtalk/callback/nosuch"))
			.GET());
		assertRejected(get, 404, "unknown_app");
		assertThat(get.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(this.recorder.events).isEmpty();
	}

	@Test
	void sameEventIdForTwoAppsIsDeliveredOncePerApp() {
		String event = userAdd("same-1", "dingcorpa", "u-both");
		CallbackTestPusher defaultPusher = pusher("", this.defaultCrypto, "dingdefaultkey");
		CallbackTestPusher hrPusher = pusher("/hr", this.hrCrypto, "dinghrkey");
		for (int i = 0; i < 2; i++) {
			assertSuccess(defaultPusher.push(event), this.defaultCrypto, "dingdefaultkey");
			assertSuccess(hrPusher.push(event), this.hrCrypto, "dinghrkey");
		}
		assertThat(this.recorder.events).hasSize(2);
		assertThat(this.recorder.events).extracting(DingTalkEvent::appName).containsExactly("default", "hr");
		assertThat(this.recorder.events).extracting(DingTalkEvent::getEventId).containsOnly("same-1");
	}

	@Test
	void listenerCanSelectOneAppWithACondition() {
		assertSuccess(pusher("/hr", this.hrCrypto, "dinghrkey").push(userAdd("h-5", "dingcorpa", "u")), this.hrCrypto,
				"dinghrkey");
		assertSuccess(pusher("/oa", this.oaCrypto, "dingoakey").push(userAdd("o-5", "dingcorpb", "u")), this.oaCrypto,
				"dingoakey");
		assertThat(this.recorder.hrOnly).singleElement().satisfies((event) -> assertThat(event.appName()).isEqualTo("hr"));
	}

	private CallbackTestPusher pusher(String suffix, DingTalkCallbackCrypto crypto, String ownerKey) {
		return new CallbackTestPusher(URI.create("http://localhost:" + this.port + "/dingtalk/callback" + suffix),
				crypto, ownerKey);
	}

	private static String userAdd(String eventId, String corpId, String userId) {
		return "{\"EventType\":\"user_add_org\",\"eventId\":\"" + eventId + "\",\"CorpId\":\"" + corpId
				+ "\",\"userId\":[\"" + userId + "\"]}";
	}

	private static void assertSuccess(HttpResponse<String> response, DingTalkCallbackCrypto crypto, String ownerKey) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode reply = mapper.readTree(response.body());
		DecryptedMessage message = crypto.verifyAndDecrypt(reply.get("msg_signature").stringValue(),
				reply.get("timeStamp").stringValue(), reply.get("nonce").stringValue(),
				reply.get("encrypt").stringValue(), Set.of(ownerKey));
		assertThat(message.plaintext()).isEqualTo("success");
	}

	private static void assertRejected(HttpResponse<String> response, int status, String error) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode body = mapper.readTree(response.body());
		assertThat(body.get("error").stringValue()).isEqualTo(error);
		assertThat(body.get("message").stringValue()).isNotEmpty();
		assertThat(response.body()).doesNotContain("Exception");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

	}

	static class Recorder {

		final List<DingTalkEvent> events = new CopyOnWriteArrayList<>();

		final List<DingTalkEvent> hrOnly = new CopyOnWriteArrayList<>();

		@EventListener
		void onAny(DingTalkEvent event) {
			this.events.add(event);
		}

		@EventListener(condition = "#event.appName() == 'hr'")
		void onHr(DingTalkEvent event) {
			this.hrOnly.add(event);
		}

	}

}
