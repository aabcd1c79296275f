package io.dingboot.robot.webhook;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dingboot.DingTalkApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a custom group robot puts on the wire: the exact JSON of each message type, the query
 * ({@code access_token}, {@code timestamp}, {@code sign} encoded once), and how DingTalk's answers
 * become exceptions.
 */
class RobotWebhookWireFormatTests {

	private final RobotWireMock wireMock = new RobotWireMock();

	@AfterEach
	void stop() {
		this.wireMock.close();
	}

	private RobotSender plainRobot() {
		return this.wireMock.robots(RobotWebhook.of("ops", "tok-ops", null)).get("ops");
	}

	private void assertBody(String json) {
		assertThat(this.wireMock.sends()).hasSize(1);
		this.wireMock.server.verify(postRequestedFor(urlPathEqualTo("/robot/send")).withRequestBody(equalToJson(json)));
		assertThat(this.wireMock.sends().get(0).getHeader("Content-Type")).startsWith("application/json");
	}

	@Test
	void textWithAtIsSentAsTheReferenceBody() {
		plainRobot().send(RobotMessage.text("我就是我, @180xxxxxx 是不一样的烟火")
			.withAt(new At(List.of("180xxxxxx"), List.of("user123"), false)));
		assertBody("{\"msgtype\":\"text\",\"text\":{\"content\":\"我就是我, @180xxxxxx 是不一样的烟火\"},"
				+ "\"at\":{\"atMobiles\":[\"180xxxxxx\"],\"atUserIds\":[\"user123\"],\"isAtAll\":false}}");
	}

	@Test
	void textWithoutMentionsHasNoAt() {
		plainRobot().sendText("hello");
		assertBody("{\"msgtype\":\"text\",\"text\":{\"content\":\"hello\"}}");
	}

	@Test
	void markdownAtAllIsSentWithIsAtAllTrue() {
		plainRobot().send(RobotMessage.markdown("杭州天气", "#### 杭州天气 @all\n> 9度").withAt(At.all()));
		assertBody("{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"杭州天气\",\"text\":\"#### 杭州天气 @all\\n> 9度\"},"
				+ "\"at\":{\"atMobiles\":[],\"atUserIds\":[],\"isAtAll\":true}}");
	}

	@Test
	void linkIsSentWithMessageUrlAndPicUrl() {
		plainRobot().send(RobotMessage.link("时代的火车", "这个即将发布的新版本", "https://example.com/a")
			.withPicUrl("https://example.com/p.png"));
		assertBody("{\"msgtype\":\"link\",\"link\":{\"title\":\"时代的火车\",\"text\":\"这个即将发布的新版本\","
				+ "\"messageUrl\":\"https://example.com/a\",\"picUrl\":\"https://example.com/p.png\"}}");
	}

	@Test
	void singleButtonActionCardIsSentWithSingleTitleAndSingleUrl() {
		plainRobot().send(ActionCardMessage.single("乔布斯", "### 乔布斯 20 年前", "阅读全文", "https://example.com/j")
			.withHideAvatar(true));
		assertBody("{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"乔布斯\",\"text\":\"### 乔布斯 20 年前\","
				+ "\"singleTitle\":\"阅读全文\",\"singleURL\":\"https://example.com/j\",\"btnOrientation\":\"0\","
				+ "\"hideAvatar\":\"1\"}}");
	}

	@Test
	void multiButtonActionCardIsSentWithBtnsAndOrientation() {
		plainRobot().send(ActionCardMessage
			.buttons("发布", "是否发布?", List.of(new ActionCardMessage.Button("发布", "https://example.com/yes"),
					new ActionCardMessage.Button("取消", "https://example.com/no")))
			.withOrientation(ActionCardMessage.Orientation.HORIZONTAL));
		assertBody("{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"发布\",\"text\":\"是否发布?\","
				+ "\"btns\":[{\"title\":\"发布\",\"actionURL\":\"https://example.com/yes\"},"
				+ "{\"title\":\"取消\",\"actionURL\":\"https://example.com/no\"}],\"btnOrientation\":\"1\"}}");
	}

	@Test
	void feedCardIsSentWithMessageUrlAndPicUrlInCapitals() {
		plainRobot().send(FeedCardMessage.of(
				new FeedCardMessage.Link("时代的火车 1", "https://example.com/1", "https://example.com/1.png"),
				new FeedCardMessage.Link("时代的火车 2", "https://example.com/2", "https://example.com/2.png")));
		assertBody("{\"msgtype\":\"feedCard\",\"feedCard\":{\"links\":["
				+ "{\"title\":\"时代的火车 1\",\"messageURL\":\"https://example.com/1\",\"picURL\":\"https://example.com/1.png\"},"
				+ "{\"title\":\"时代的火车 2\",\"messageURL\":\"https://example.com/2\",\"picURL\":\"https://example.com/2.png\"}]}}");
	}

	@Test
	void unsignedRobotSendsOnlyTheAccessToken() {
		plainRobot().sendText("hello");
		assertThat(this.wireMock.sends().get(0).getUrl()).isEqualTo("/robot/send?access_token=tok-ops");
	}

	@Test
	void signedSendMatchesTheReferenceUrl() {
		this.wireMock.clock.advance(Duration.between(RobotWireMock.START, Instant.ofEpochMilli(1577262236757L)));
		RobotSender robot = this.wireMock.robots(RobotWebhook.of("ops", "abc", "this is secret")).get("ops");
		robot.sendText("hello");
		assertThat(this.wireMock.sends().get(0).getUrl())
			.isEqualTo("/robot/send?access_token=abc&timestamp=1577262236757&sign=hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D");
	}

	@Test
	void signWithPlusSlashAndEqualsArrivesEncodedExactlyOnce() {
		String secret = "SEC0123456789abcdef";
		long timestamp = RobotWireMock.START.toEpochMilli();
		while (!(RobotSigner.sign(secret, timestamp).contains("+") && RobotSigner.sign(secret, timestamp).contains("/"))) {
			timestamp++;
		}
		String sign = RobotSigner.sign(secret, timestamp);
		this.wireMock.clock.advance(Duration.ofMillis(timestamp - RobotWireMock.START.toEpochMilli()));
		this.wireMock.robots(RobotWebhook.of("ops", "tok", secret)).get("ops").sendText("hello");
		String url = this.wireMock.sends().get(0).getUrl();
		String rawSign = url.substring(url.indexOf("&sign=") + "&sign=".length());
		assertThat(rawSign).doesNotContain("+", "/", "=").contains("%2B", "%2F", "%3D").doesNotContain("%25");
		assertThat(URLDecoder.decode(rawSign, StandardCharsets.UTF_8)).isEqualTo(sign);
		assertThat(url).contains("?access_token=tok&timestamp=" + timestamp + "&sign=");
	}

	@Test
	void everySendIsSignedWithAFreshTimestamp() {
		RobotSender robot = this.wireMock.robots(RobotWebhook.of("ops", "tok", "SECx")).get("ops");
		robot.sendText("one");
		this.wireMock.clock.advance(Duration.ofMillis(1500));
		robot.sendText("two");
		List<LoggedRequest> sends = this.wireMock.sends();
		long first = Long.parseLong(sends.get(0).queryParameter("timestamp").firstValue());
		long second = Long.parseLong(sends.get(1).queryParameter("timestamp").firstValue());
		assertThat(first).isEqualTo(RobotWireMock.START.toEpochMilli());
		assertThat(second).isEqualTo(first + 1500);
		assertThat(sends.get(1).queryParameter("sign").firstValue()).isEqualTo(RobotSigner.sign("SECx", second));
	}

	@Test
	void busyAnswerIsRetriedWithAFreshTimestampAndSign() {
		this.wireMock.server.resetMappings();
		this.wireMock.server.stubFor(post(urlPathEqualTo("/robot/send")).inScenario("busy")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withBody("{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}"))
			.willSetStateTo("ok"));
		this.wireMock.server.stubFor(post(urlPathEqualTo("/robot/send")).inScenario("busy")
			.whenScenarioStateIs("ok")
			.willReturn(aResponse().withBody("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		this.wireMock.robots(RobotWebhook.of("ops", "tok", "SECx")).get("ops").sendText("hello");
		List<LoggedRequest> sends = this.wireMock.sends();
		assertThat(sends).hasSize(2);
		long first = Long.parseLong(sends.get(0).queryParameter("timestamp").firstValue());
		long second = Long.parseLong(sends.get(1).queryParameter("timestamp").firstValue());
		assertThat(second).isEqualTo(first + 100);
		assertThat(sends.get(1).queryParameter("sign").firstValue()).isEqualTo(RobotSigner.sign("SECx", second));
	}

	@Test
	void tooFastAnswerIsNotRetried() {
		this.wireMock.answer("{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}");
		DingTalkApiException failure = catchThrowableOfType(DingTalkApiException.class, () -> plainRobot().sendText("x"));
		assertThat(failure.getErrcode()).isEqualTo(130101);
		assertThat(this.wireMock.sends()).hasSize(1);
	}

	@Test
	void successAnswerWithErrcodeAsStringIsAccepted() {
		this.wireMock.answer("{\"errcode\":\"0\",\"errmsg\":\"ok\"}");
		plainRobot().sendText("hello");
		assertThat(this.wireMock.sends()).hasSize(1);
	}

	@Test
	void errcodeAsStringStillFails() {
		this.wireMock.answer("{\"errcode\":\"310000\",\"errmsg\":\"keywords not in content\"}");
		DingTalkApiException failure = catchThrowableOfType(DingTalkApiException.class, () -> plainRobot().sendText("x"));
		assertThat(failure.getErrcode()).isEqualTo(310000);
		assertThat(failure.getMessage()).contains("dingtalk.robots.ops.keywords");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', value = {
			"310000|keywords not in content|dingtalk.robots.ops.keywords",
			"310000|sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]|dingtalk.robots.ops.secret",
			"310000|description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中，请确认机器人的密钥加密和填写正确;link:x;|dingtalk.robots.ops.secret",
			"310000|invalid timestamp, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]|synchronise this server's clock",
			"310000|ip 10.1.2.3 not in whitelist|IP whitelist",
			"310000|security check failed|dingtalk.robots.ops.secret",
			"310000|description:安全校验未通过;solution:请检查机器人的安全设置;|dingtalk.robots.ops.keywords and",
			"130101|send too fast, exceed 20 times per minute|dingtalk.robots.ops.rate-limit.max-messages",
			"410100|发送速度太快而限流|dingtalk.robots.ops.rate-limit.max-messages",
			"300001|token is not exist|dingtalk.robots.ops.access-token",
			"300005|token is not exist|dingtalk.robots.ops.webhook",
			"400101|access_token不存在|dingtalk.robots.ops.access-token",
			"400102|机器人已停用|enable it in the group's robot settings",
			"400013|群已被解散|disbanded",
			"430102|不安全的文本|unsafe" })
	void errorAnswerBecomesApiErrorNamingTheFix(int errcode, String errmsg, String fix) {
		this.wireMock.answer("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}");
		DingTalkApiException failure = catchThrowableOfType(DingTalkApiException.class, () -> plainRobot().sendText("x"));
		assertThat(failure.getKind()).isEqualTo(DingTalkApiException.Kind.API_ERROR);
		assertThat(failure.getErrcode()).isEqualTo(errcode);
		assertThat(failure.getErrmsg()).isEqualTo(errmsg);
		assertThat(failure.getApiPath()).isEqualTo("/robot/send");
		assertThat(failure.getMessage()).contains("custom robot 'ops'", String.valueOf(errcode), fix)
			.doesNotContain("tok-ops");
		assertThat(this.wireMock.sends()).hasSize(1);
	}

	@Test
	void messageWithoutAnyKeywordIsRefusedBeforeSending() {
		RobotSender robot = this.wireMock.robots(RobotWireMock.robot("ops", "tok", null, RobotRateLimit.DINGTALK, "告警", "ALERT"))
			.get("ops");
		DingTalkApiException failure = catchThrowableOfType(DingTalkApiException.class, () -> robot.sendText("disk full"));
		assertThat(failure.getKind()).isEqualTo(DingTalkApiException.Kind.INVALID_REQUEST);
		assertThat(failure.getMessage()).contains("none of its keywords [告警, ALERT]", "dingtalk.robots.ops.keywords");
		assertThat(this.wireMock.sends()).isEmpty();
	}

	@Test
	void messageWithAKeywordInTitleOrButtonIsSent() {
		RobotSender robot = this.wireMock.robots(RobotWireMock.robot("ops", "tok", null, RobotRateLimit.DINGTALK, "告警"))
			.get("ops");
		robot.sendMarkdown("告警", "disk full");
		robot.send(ActionCardMessage.single("t", "disk full", "查看告警", "https://example.com"));
		robot.sendText("[告警] disk full");
		assertThat(this.wireMock.sends()).hasSize(3);
	}

	@Test
	void robotWithOwnBaseUrlSendsBelowIt() {
		URI base = URI.create("http://127.0.0.1:" + this.wireMock.server.port() + "/proxy");
		this.wireMock.server.stubFor(post(urlPathEqualTo("/proxy/robot/send"))
			.willReturn(aResponse().withBody("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		this.wireMock.robots(new RobotWebhook("ops", "tok", null, List.of(), base, RobotRateLimit.DINGTALK))
			.get("ops")
			.sendText("hello");
		assertThat(this.wireMock.server.findAll(postRequestedFor(urlPathEqualTo("/proxy/robot/send")))).hasSize(1);
	}

}
