package io.dingboot.robot.webhook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.dingboot.DingTalkApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Sends, retries and failures of a signed robot with DEBUG logging on: neither the access token,
 * the secret nor the sign reaches the log, an exception or a {@code toString()}.
 */
@ExtendWith(OutputCaptureExtension.class)
class RobotSecretsNeverLoggedTests {

	private static final List<String> LOGGERS = List.of("io.dingboot", "org.springframework.web",
			"org.springframework.http", "org.springframework.core.retry", "jdk.internal.httpclient");

	private static final String TOKEN = "robot-token-5e2f9a";

	private static final String SECRET = "SEC-robot-secret-77c1d3";

	private final Map<String, Level> previousLevels = new HashMap<>();

	private final RobotWireMock wireMock = new RobotWireMock();

	@BeforeEach
	void debug() {
		for (String name : LOGGERS) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.previousLevels.put(name, logger.getLevel());
			logger.setLevel(Level.DEBUG);
		}
	}

	@AfterEach
	void restore() {
		this.previousLevels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
		this.wireMock.close();
	}

	@Test
	void sendsRetriesAndFailuresNeverShowTokenSecretOrSign(CapturedOutput output) {
		RobotWebhook webhook = RobotWireMock.robot("ops", TOKEN, SECRET, RobotRateLimit.DINGTALK, "告警");
		DingTalkRobots robots = this.wireMock.robots(webhook);
		RobotSender robot = robots.get("ops");
		StringBuilder seen = new StringBuilder().append(webhook).append(robots).append(robot);
		robot.sendText("告警 one");
		this.wireMock.answer("{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}");
		seen.append(catchThrowable(() -> robot.sendText("告警 busy")));
		for (String answer : List.of("{\"errcode\":310000,\"errmsg\":\"sign not match\"}",
				"{\"errcode\":300001,\"errmsg\":\"token is not exist\"}", "<html>502</html>")) {
			this.wireMock.answer(answer);
			Throwable failure = catchThrowable(() -> robot.sendText("告警 x"));
			assertThat(failure).isInstanceOf(DingTalkApiException.class);
			seen.append(failure).append(failure.getCause());
		}
		seen.append(catchThrowable(() -> robot.sendText("no keyword")));
		String sign = this.wireMock.sends().get(0).queryParameter("sign").firstValue();
		assertThat(output.getAll()).as("DEBUG output was captured").contains("custom robot 'ops' failed (errcode -1), retry");
		for (String secret : List.of(TOKEN, SECRET, sign)) {
			assertThat(output.getAll()).doesNotContain(secret);
			assertThat(seen.toString()).doesNotContain(secret);
		}
	}

}
