package io.dingboot.test.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dingboot.stream.DingTalkRobotListener;
import io.dingboot.stream.RobotMessageEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.WebApplicationContext;

import static io.dingboot.test.stream.StreamTestApplication.KEY;
import static io.dingboot.test.stream.StreamTestApplication.SECRET;
import static io.dingboot.test.stream.StreamTestApplication.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DingTalkRobotListener} methods in a worker application with no web server, two apps, and
 * robot messages from the fake gateway: the annotation alone subscribes the robot topic, and each
 * method takes only the messages of its app and prefix.
 */
class StreamRobotListenerTests {

	private FakeStreamGateway gateway;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		this.gateway = FakeStreamGateway.start().app("default", KEY, SECRET).app("hr", "hr-key", "hr-secret-value");
		this.context = StreamTestApplication.run(this.gateway, new Class<?>[] { Robot.class },
				"dingtalk.apps.hr.app-key=hr-key", "dingtalk.apps.hr.app-secret=hr-secret-value");
	}

	@AfterEach
	void stop() {
		this.context.close();
		this.gateway.close();
	}

	@Test
	void messagesReachTheMethodsOfTheirAppAndPrefixOnly() {
		assertThat(this.context).isNotInstanceOf(WebApplicationContext.class);
		this.gateway.awaitConnection("default", WAIT);
		this.gateway.awaitConnection("hr", WAIT);
		assertThat(this.gateway.openCalls()).hasSize(2)
			.allSatisfy((call) -> assertThat(call.subscriptions())
				.containsExactly(new StreamSubscription("CALLBACK", FakeStreamGateway.ROBOT_TOPIC)));
		push("default", "m1", "hello");
		push("default", "m2", "/weather beijing");
		push("hr", "m3", "/weather shanghai");
		push("hr", "m4", "leave tomorrow");
		Robot robot = this.context.getBean(Robot.class);
		this.gateway.awaitCondition(() -> robot.all.size() + robot.hr.size() + robot.weather.size() == 8, WAIT,
				"eight listener calls");
		assertThat(robot.all).containsExactlyInAnyOrder("default:hello", "default:/weather beijing",
				"hr:/weather shanghai", "hr:leave tomorrow");
		assertThat(robot.hr).containsExactlyInAnyOrder("/weather shanghai", "leave tomorrow");
		assertThat(robot.weather).containsExactlyInAnyOrder("default:/weather beijing", "hr:/weather shanghai");
	}

	private void push(String app, String msgId, String text) {
		this.gateway.pushRobotMessage(app, FakeStreamGateway.robotTextMessage(msgId, "user-1", text)).awaitAck(WAIT);
	}

	@EnableAutoConfiguration
	static class Robot {

		final List<String> all = new CopyOnWriteArrayList<>();

		final List<String> hr = new CopyOnWriteArrayList<>();

		final List<String> weather = new CopyOnWriteArrayList<>();

		@DingTalkRobotListener
		void all(RobotMessageEvent message) {
			this.all.add(message.getAppName() + ":" + message.getText());
		}

		@DingTalkRobotListener(app = "hr")
		void hr(RobotMessageEvent message) {
			this.hr.add(message.getText());
		}

		@DingTalkRobotListener(prefix = "/weather")
		void weather(RobotMessageEvent message) {
			this.weather.add(message.getAppName() + ":" + message.getText());
		}

	}

}
