package io.dingboot.test.stream;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.dingboot.callback.DingTalkEvent;
import io.dingboot.callback.UserAddOrgEvent;
import io.dingboot.stream.RobotMessageContent;
import io.dingboot.stream.RobotMessageEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static io.dingboot.test.stream.StreamTestApplication.KEY;
import static io.dingboot.test.stream.StreamTestApplication.SECRET;
import static io.dingboot.test.stream.StreamTestApplication.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every frame type from the fake gateway through DingBoot to the application's listeners, and the
 * acks DingTalk gets back.
 */
class StreamDeliveryTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FakeStreamGateway gateway;

	private ConfigurableApplicationContext context;

	private StreamRecorder recorder;

	@BeforeEach
	void start() {
		this.gateway = FakeStreamGateway.start().app(KEY, SECRET).redeliveryDelay(Duration.ofMillis(300));
		this.context = StreamTestApplication.run(this.gateway,
				new Class<?>[] { StreamTestApplication.class, CardListeners.Accepting.class },
				"dingtalk.stream.handler.threads=2");
		this.recorder = this.context.getBean(StreamRecorder.class);
		this.gateway.awaitConnection(KEY, WAIT);
	}

	@AfterEach
	void stop() {
		this.recorder.robotGate.countDown();
		this.context.close();
		this.gateway.close();
	}

	@Test
	void eventIsPublishedAsTheTypedCallbackEventAndAckedSuccessAfterTheListener() {
		StreamPush push = this.gateway.pushEvent(KEY, "user_add_org", "ev-1",
				"{\"timeStamp\":\"1685501863357\",\"userId\":[\"u1\",\"u2\"]}");
		StreamAck ack = push.awaitCompletion(WAIT);
		assertThat(ack.code()).isEqualTo(200);
		assertThat(ack.messageId()).isEqualTo(push.messageId());
		assertThat(ack.contentType()).isEqualTo("application/json");
		assertThat(JSON.readTree(ack.data())).isEqualTo(JSON.readTree("{\"status\":\"SUCCESS\",\"message\":\"success\"}"));
		assertThat(this.recorder.events).hasSize(1);
		assertThat(this.recorder.events.get(0)).isInstanceOfSatisfying(UserAddOrgEvent.class, (event) -> {
			assertThat(event.getEventType()).isEqualTo("user_add_org");
			assertThat(event.getEventId()).isEqualTo("ev-1");
			assertThat(event.getCorpId()).isEqualTo("dingcorp");
			assertThat(event.getUserIds()).containsExactly("u1", "u2");
			assertThat(event.getEventTime()).hasToString("2023-05-31T02:57:43.357Z");
		});
		assertThat(push.deliveries()).isEqualTo(1);
	}

	@Test
	void eventOfUnmodelledTypeIsPublishedAsGenericEvent() {
		this.gateway.pushEvent(KEY, "bpms_instance_change", "ev-2", "{\"processInstanceId\":\"p1\"}")
			.awaitCompletion(WAIT);
		assertThat(this.recorder.events).singleElement().satisfies((event) -> {
			assertThat(event.getClass()).isEqualTo(DingTalkEvent.class);
			assertThat(event.getEventType()).isEqualTo("bpms_instance_change");
			assertThat(event.getPayload().get("processInstanceId").stringValue()).isEqualTo("p1");
		});
	}

	@Test
	void eventWhoseListenerThrowsIsAckedLaterRedeliveredAndDeliveredOnce() {
		this.recorder.eventFailures.set(1);
		StreamPush push = this.gateway.pushEvent(KEY, "user_leave_org", "ev-3", "{\"userId\":[\"u9\"]}");
		StreamAck last = push.awaitCompletion(WAIT);
		assertThat(push.acks()).extracting(StreamAck::status).containsExactly("LATER", "SUCCESS");
		assertThat(push.acks().get(0).code()).isEqualTo(200);
		assertThat(last.status()).isEqualTo("SUCCESS");
		assertThat(push.deliveries()).isEqualTo(2);
		assertThat(this.recorder.events).hasSize(1);
	}

	@Test
	void sameEventIdTwiceIsPublishedOnceAndBothAreAckedSuccess() {
		StreamPush first = this.gateway.pushEvent(KEY, "org_dept_create", "ev-dup", "{\"deptId\":[7]}");
		first.awaitCompletion(WAIT);
		StreamPush second = this.gateway.pushEvent(KEY, "org_dept_create", "ev-dup", "{\"deptId\":[7]}");
		assertThat(second.awaitCompletion(WAIT).status()).isEqualTo("SUCCESS");
		assertThat(this.recorder.events).hasSize(1);
	}

	@Test
	void robotMessageIsAckedBeforeItsListenerFinishes() {
		this.recorder.robotGate = new CountDownLatch(1);
		StreamPush push = this.gateway.pushRobotMessage(KEY,
				FakeStreamGateway.robotTextMessage("msg-1", "user-7", "hello robot"));
		StreamAck ack = push.awaitAck(WAIT);
		assertThat(ack.code()).isEqualTo(200);
		assertThat(JSON.readTree(ack.data())).isEqualTo(JSON.readTree("{\"response\":null}"));
		assertThat(this.recorder.messages).isEmpty();
		this.recorder.robotGate.countDown();
		this.gateway.awaitCondition(() -> this.recorder.messages.size() == 1, WAIT, "the robot message");
		RobotMessageEvent message = this.recorder.messages.get(0);
		assertThat(message.getAppName()).isEqualTo("default");
		assertThat(message.getMsgId()).isEqualTo("msg-1");
		assertThat(message.getContent()).isEqualTo(new RobotMessageContent.Text(" hello robot"));
		assertThat(message.getText()).isEqualTo("hello robot");
		assertThat(message.getSenderStaffId()).isEqualTo("user-7");
		assertThat(message.isGroup()).isTrue();
		assertThat(message.isInAtList()).isTrue();
		assertThat(message.getConversationId()).isEqualTo("cidFakeGroup==");
		assertThat(message.getRobotCode()).isEqualTo("dingfakerobot");
		assertThat(message.getSessionWebhook()).startsWith("https://oapi.dingtalk.com/robot/sendBySession");
		assertThat(message.getSessionWebhookExpiredTime()).isAfter(message.getCreateAt());
		assertThat(message.getAtUsers()).hasSize(1);
		assertThat(push.deliveries()).isEqualTo(1);
	}

	@Test
	void robotMessageWithSameMsgIdTwiceIsPublishedOnce() {
		String message = FakeStreamGateway.robotTextMessage("msg-dup", "user-7", "again");
		this.gateway.pushRobotMessage(KEY, message).awaitAck(WAIT);
		this.gateway.awaitCondition(() -> this.recorder.messages.size() == 1, WAIT, "the robot message");
		StreamAck second = this.gateway.pushRobotMessage(KEY, message).awaitAck(WAIT);
		assertThat(second.code()).isEqualTo(200);
		assertThat(this.recorder.robotRunning.get()).isZero();
		assertThat(this.recorder.messages).hasSize(1);
	}

	@Test
	void cardCallbackIsAnsweredWithTheListenersCardUpdate() {
		String callback = "{\"type\":\"actionCallback\",\"outTrackId\":\"track-1\",\"corpId\":\"dingcorp\","
				+ "\"userId\":\"user-7\",\"content\":\"{\\\"cardPrivateData\\\":{\\\"actionIds\\\":[\\\"1\\\"],"
				+ "\\\"params\\\":{\\\"action\\\":\\\"accept\\\"}}}\"}";
		StreamAck ack = this.gateway.pushCardCallback(KEY, callback).awaitAck(WAIT);
		assertThat(ack.code()).isEqualTo(200);
		assertThat(JSON.readTree(ack.data())).isEqualTo(JSON.readTree("{\"response\":{\"cardData\":{\"cardParamMap\":"
				+ "{\"status\":\"accepted\"}},\"userPrivateData\":{\"cardParamMap\":{\"clicked\":\"true\"}},"
				+ "\"cardUpdateOptions\":{\"updateCardDataByKey\":true,\"updatePrivateDataByKey\":true}}}"));
	}

	@Test
	void cardCallbackThatNoListenerAnswersLeavesTheCard() {
		String callback = "{\"type\":\"actionCallback\",\"outTrackId\":\"track-2\",\"content\":\"{}\"}";
		StreamAck ack = this.gateway.pushCardCallback(KEY, callback).awaitAck(WAIT);
		assertThat(ack.code()).isEqualTo(200);
		assertThat(JSON.readTree(ack.data())).isEqualTo(JSON.readTree("{\"response\":{}}"));
	}

	@Test
	void pingFrameIsEchoedWithItsData() {
		GatewayConnection connection = this.gateway.awaitConnection(KEY, WAIT);
		String echo = connection.ping(WAIT);
		assertThat(JSON.readTree(echo).get("opaque").stringValue()).hasSize(36);
		assertThat(this.gateway.pingEchoes()).isEqualTo(1);
	}

	@Test
	void pingIsAnsweredWhileEveryListenerThreadIsBusy() {
		this.recorder.robotGate = new CountDownLatch(1);
		for (int i = 0; i < 3; i++) {
			this.gateway.pushRobotMessage(KEY, FakeStreamGateway.robotTextMessage("busy-" + i, "u", "wait"))
				.awaitAck(WAIT);
		}
		this.gateway.awaitCondition(() -> this.recorder.robotRunning.get() == 2, WAIT, "both listener threads busy");
		GatewayConnection connection = this.gateway.awaitConnection(KEY, WAIT);
		assertThat(connection.ping(WAIT)).contains("opaque");
	}

}
