package io.dingboot.test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.robot.webhook.DingTalkRobots;
import io.dingboot.robot.webhook.RateLimitPolicy;
import io.dingboot.robot.webhook.RobotMessage;
import io.dingboot.robot.webhook.RobotRateLimit;
import io.dingboot.robot.webhook.RobotSender;
import io.dingboot.robot.webhook.RobotWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The fake's custom robot webhook, driven by DingBoot's own robot senders: it checks the sign,
 * the timestamp window, keywords and DingTalk's 20 messages a minute as DingTalk does.
 */
class RobotWebhookEndpointsTests {

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	private static final String SECRET = "SEC7d1bd3b9a1c8e4f0";

	private final MutableClock clock = new MutableClock();

	private final FakeDingTalk fake = FakeDingTalk.builder().clock(this.clock).build().start();

	@AfterEach
	void stop() {
		this.fake.close();
	}

	private DingTalkRobots robots(RobotWebhook... robots) {
		return robots(this.clock, robots);
	}

	private DingTalkRobots robots(java.time.Clock clientClock, RobotWebhook... robots) {
		DingTalkTransport transport = new DingTalkTransport(RestClient.builder()
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.build(HttpClientSettings.defaults().withReadTimeout(Duration.ofSeconds(5)))),
				URI.create(this.fake.baseUrl()), DingTalkRobots.NO_TRANSPORT_RETRIES);
		DingTalkRobots.Builder builder = DingTalkRobots.builder(transport).clock(clientClock).sleeper(this.clock::advance);
		for (RobotWebhook robot : robots) {
			builder.robot(robot);
		}
		return builder.build();
	}

	private static RobotWebhook robot(String token, String secret, RobotRateLimit limit) {
		return new RobotWebhook("alerts", token, secret, List.of(), null, limit);
	}

	@Test
	void signedMessageIsAcceptedAndRecorded() {
		this.fake.webhookRobots().add(FakeWebhookRobot.of("alerts", "tok-1", SECRET, "告警"));
		robots(RobotWebhook.of("alerts", "tok-1", SECRET)).get("alerts").sendMarkdown("告警", "### disk full");
		assertThat(this.fake.webhookRobots().messages("alerts")).singleElement().satisfies((message) -> {
			assertThat(message.msgtype()).isEqualTo("markdown");
			assertThat(message.title()).isEqualTo("告警");
			assertThat(message.text()).isEqualTo("### disk full");
			assertThat(message.receivedAt()).isEqualTo(START);
		});
		assertThat(this.fake.callCount("/robot/send")).isEqualTo(1);
	}

	@Test
	void wrongSecretIsRefusedWithSignNotMatch() {
		this.fake.webhookRobots().add(FakeWebhookRobot.of("alerts", "tok-1", SECRET));
		DingTalkApiException failure = catchThrowableOfType(DingTalkApiException.class,
				() -> robots(RobotWebhook.of("alerts", "tok-1", "SECwrong")).get("alerts").sendText("x"));
		assertThat(failure.getErrcode()).isEqualTo(310000);
		assertThat(failure.getErrmsg()).startsWith("sign not match");
		assertThat(failure.getMessage()).contains("dingtalk.robots.alerts.secret");
		assertThat(this.fake.webhookRobots().messages()).isEmpty();
	}

	@Test
	void unsignedMessageToSigningRobotIsRefusedAskingForTheSecret() {
		this.fake.webhookRobots().add(FakeWebhookRobot.of("alerts", "tok-1", SECRET));
		DingTalkApiException failure = catchThrowableOfType(DingTalkApiException.class,
				() -> robots(RobotWebhook.of("alerts", "tok-1", null)).get("alerts").sendText("x"));
		assertThat(failure.getErrcode()).isEqualTo(310000);
		assertThat(failure.getMessage()).contains("signs its messages", "set dingtalk.robots.alerts.secret");
	}

	@Test
	void timestampMoreThanOneHourOffIsRefusedAndOneHourIsAccepted() {
		this.fake.webhookRobots().add(FakeWebhookRobot.of("alerts", "tok-1", SECRET));
		java.time.Clock late = java.time.Clock.offset(this.clock, Duration.ofMillis(3_600_001));
		DingTalkApiException failure = catchThrowableOfType(DingTalkApiException.class,
				() -> robots(late, RobotWebhook.of("alerts", "tok-1", SECRET)).get("alerts").sendText("x"));
		assertThat(failure.getErrmsg()).startsWith("invalid timestamp");
		assertThat(failure.getMessage()).contains("synchronise this server's clock");
		java.time.Clock early = java.time.Clock.offset(this.clock, Duration.ofMillis(-3_600_000));
		robots(early, RobotWebhook.of("alerts", "tok-1", SECRET)).get("alerts").sendText("x");
		assertThat(this.fake.webhookRobots().messages()).hasSize(1);
	}

	@Test
	void unknownTokenIsRefusedWith300001() {
		DingTalkApiException failure = catchThrowableOfType(DingTalkApiException.class,
				() -> robots(RobotWebhook.of("alerts", "nope", null)).get("alerts").sendText("x"));
		assertThat(failure.getErrcode()).isEqualTo(300001);
		assertThat(failure.getMessage()).contains("dingtalk.robots.alerts.access-token").doesNotContain("nope");
	}

	@Test
	void messageWithoutKeywordIsRefusedByTheFake() {
		this.fake.webhookRobots().add(FakeWebhookRobot.of("alerts", "tok-1", null, "告警"));
		DingTalkApiException failure = catchThrowableOfType(DingTalkApiException.class,
				() -> robots(RobotWebhook.of("alerts", "tok-1", null)).get("alerts").sendText("disk full"));
		assertThat(failure.getErrcode()).isEqualTo(310000);
		assertThat(failure.getErrmsg()).startsWith("keywords not in content");
		assertThat(failure.getMessage()).contains("dingtalk.robots.alerts.keywords");
	}

	@Test
	void signEncodedTwiceOrNotAtAllIsRefused() throws Exception {
		this.fake.webhookRobots().add(FakeWebhookRobot.of("alerts", "tok-1", SECRET));
		long timestamp = START.toEpochMilli();
		while (!RobotWebhookEndpoints.sign(SECRET, timestamp).contains("+")) {
			timestamp++;
		}
		String sign = RobotWebhookEndpoints.sign(SECRET, timestamp);
		String once = URLEncoder.encode(sign, StandardCharsets.UTF_8);
		String twice = URLEncoder.encode(once, StandardCharsets.UTF_8);
		assertThat(post(timestamp, once)).contains("\"errcode\":0");
		assertThat(post(timestamp, twice)).contains("\"errcode\":310000", "sign not match");
		assertThat(post(timestamp, sign.replace("=", "%3D"))).contains("\"errcode\":310000", "sign not match");
	}

	private String post(long timestamp, String rawSign) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.fake.baseUrl() + "/robot/send?access_token=tok-1&timestamp=" + timestamp
					+ "&sign=" + rawSign))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}"))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	@Test
	void twentyFirstMessageInAMinuteBlocksTheRobotForTenMinutes() {
		this.fake.webhookRobots().add(FakeWebhookRobot.of("alerts", "tok-1", null));
		RobotRateLimit lax = new RobotRateLimit(1000, Duration.ofMinutes(1), RateLimitPolicy.FAIL, Duration.ZERO);
		RobotSender robot = robots(robot("tok-1", null, lax)).get("alerts");
		for (int i = 0; i < 20; i++) {
			robot.sendText("m" + i);
		}
		DingTalkApiException failure = catchThrowableOfType(DingTalkApiException.class, () -> robot.sendText("21"));
		assertThat(failure.getErrcode()).isEqualTo(130101);
		assertThat(failure.getMessage()).contains("blocks it for 10 minutes");
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(catchThrowableOfType(DingTalkApiException.class, () -> robot.sendText("still blocked")).getErrcode())
			.isEqualTo(130101);
		assertThat(this.fake.webhookRobots().isBlocked("alerts")).isTrue();
		this.clock.advance(Duration.ofMinutes(1));
		robot.sendText("free again");
		assertThat(this.fake.webhookRobots().messages("alerts")).hasSize(21);
	}

	@Test
	void documentedThrottleCodeCanBeChosen() {
		this.fake.webhookRobots().add(FakeWebhookRobot.of("alerts", "tok-1", null)).throttleErrcode(410100);
		RobotRateLimit lax = new RobotRateLimit(1000, Duration.ofMinutes(1), RateLimitPolicy.FAIL, Duration.ZERO);
		RobotSender robot = robots(robot("tok-1", null, lax)).get("alerts");
		for (int i = 0; i < 20; i++) {
			robot.sendText("m" + i);
		}
		assertThat(catchThrowableOfType(DingTalkApiException.class, () -> robot.sendText("21")).getErrcode())
			.isEqualTo(410100);
	}

	@Test
	void hundredSendsWithWaitPolicyAllArriveWithinTwentyPerRollingMinute() {
		this.fake.webhookRobots().add(FakeWebhookRobot.of("alerts", "tok-1", SECRET));
		RobotRateLimit wait = new RobotRateLimit(20, Duration.ofMinutes(1), RateLimitPolicy.WAIT, Duration.ofMinutes(2));
		RobotSender robot = robots(robot("tok-1", SECRET, wait)).get("alerts");
		for (int i = 0; i < 100; i++) {
			robot.sendText("message " + i);
		}
		List<Instant> received = new ArrayList<>();
		this.fake.webhookRobots().messages("alerts").forEach((message) -> received.add(message.receivedAt()));
		assertThat(received).hasSize(100);
		for (int i = 20; i < received.size(); i++) {
			assertThat(Duration.between(received.get(i - 20), received.get(i))).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
		}
		assertThat(this.fake.webhookRobots().isBlocked("alerts")).isFalse();
		assertThat(this.fake.callCount("/robot/send")).isEqualTo(100);
	}

	@Test
	void hundredSendsInABurstWithFailPolicyReachTheFakeTwentyTimes() {
		this.fake.webhookRobots().add(FakeWebhookRobot.of("alerts", "tok-1", SECRET));
		RobotSender robot = robots(robot("tok-1", SECRET, RobotRateLimit.DINGTALK)).get("alerts");
		int refused = 0;
		for (int i = 0; i < 100; i++) {
			try {
				robot.send(RobotMessage.text("message " + i));
			}
			catch (DingTalkApiException ex) {
				assertThat(ex.getKind()).isEqualTo(DingTalkApiException.Kind.INVALID_REQUEST);
				refused++;
			}
		}
		assertThat(refused).isEqualTo(80);
		assertThat(this.fake.callCount("/robot/send")).isEqualTo(20);
		assertThat(this.fake.webhookRobots().messages("alerts")).hasSize(20);
		assertThat(this.fake.webhookRobots().isBlocked("alerts")).isFalse();
	}

}
