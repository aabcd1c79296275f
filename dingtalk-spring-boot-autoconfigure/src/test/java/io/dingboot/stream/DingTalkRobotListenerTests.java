package io.dingboot.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DingTalkRobotListener} methods through {@link RobotListenerMethodFactory}: each takes
 * only the robot messages of its apps and prefixes, through Spring's own event multicaster.
 */
class DingTalkRobotListenerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Factory.class);

	static RobotMessageEvent message(String app, String msgtype, String text) {
		ObjectNode payload = JSON.createObjectNode();
		payload.put("msgId", "msg-" + app + "-" + text);
		payload.put("msgtype", msgtype);
		payload.put("conversationType", "2");
		payload.put("conversationId", "cid");
		if ("text".equals(msgtype)) {
			payload.putObject("text").put("content", " " + text);
		}
		else {
			payload.putObject("content").put("downloadCode", "dl");
		}
		return new RobotMessageEvent(DingTalkRobotListenerTests.class, app, payload);
	}

	@Test
	void eachListenerTakesOnlyTheMessagesOfItsAppsAndPrefixes() {
		this.runner.withUserConfiguration(Listeners.class).run((context) -> {
			context.publishEvent(message("default", "text", "hello"));
			context.publishEvent(message("default", "text", "/weather beijing"));
			context.publishEvent(message("hr", "text", "/weather shanghai"));
			context.publishEvent(message("hr", "text", "/leave tomorrow"));
			context.publishEvent(message("ops", "picture", ""));
			Listeners listeners = context.getBean(Listeners.class);
			assertThat(listeners.all).hasSize(5);
			assertThat(listeners.hr).extracting(RobotMessageEvent::getText)
				.containsExactly("/weather shanghai", "/leave tomorrow");
			assertThat(listeners.weather).extracting(RobotMessageEvent::getText)
				.containsExactly("/weather beijing", "/weather shanghai");
			assertThat(listeners.hrCommands).extracting(RobotMessageEvent::getText)
				.containsExactly("/weather shanghai", "/leave tomorrow");
			assertThat(listeners.defaultOrOpsGroup).extracting(RobotMessageEvent::getAppName)
				.containsExactly("default", "default", "ops");
			assertThat(listeners.plain).hasSize(5);
		});
	}

	@Test
	void otherEventsDoNotReachRobotListeners() {
		this.runner.withUserConfiguration(Listeners.class).run((context) -> {
			context.publishEvent("not a robot message");
			assertThat(context.getBean(Listeners.class).all).isEmpty();
		});
	}

	@Test
	void methodReturningAValueFailsAtStartNamingTheMethod() {
		this.runner.withUserConfiguration(Returning.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Returning.reply must return void"));
	}

	@Test
	void methodWithoutTheEventParameterFailsAtStartNamingTheMethod() {
		this.runner.withUserConfiguration(WrongParameter.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("WrongParameter.on must take one parameter, the RobotMessageEvent"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Factory {

		@Bean
		static RobotListenerMethodFactory robotListenerMethodFactory() {
			return new RobotListenerMethodFactory();
		}

	}

	static class Listeners {

		final List<RobotMessageEvent> all = new CopyOnWriteArrayList<>();

		final List<RobotMessageEvent> hr = new CopyOnWriteArrayList<>();

		final List<RobotMessageEvent> weather = new CopyOnWriteArrayList<>();

		final List<RobotMessageEvent> hrCommands = new CopyOnWriteArrayList<>();

		final List<RobotMessageEvent> defaultOrOpsGroup = new CopyOnWriteArrayList<>();

		final List<RobotMessageEvent> plain = new CopyOnWriteArrayList<>();

		@DingTalkRobotListener
		void all(RobotMessageEvent message) {
			this.all.add(message);
		}

		@DingTalkRobotListener(app = "hr")
		void hr(RobotMessageEvent message) {
			this.hr.add(message);
		}

		@DingTalkRobotListener(prefix = "/weather")
		void weather(RobotMessageEvent message) {
			this.weather.add(message);
		}

		@DingTalkRobotListener(app = "hr", prefix = { "/weather", "/leave" })
		void hrCommands(RobotMessageEvent message) {
			this.hrCommands.add(message);
		}

		@DingTalkRobotListener(app = { "default", "ops" }, condition = "#message.group")
		void defaultOrOpsGroup(RobotMessageEvent message) {
			this.defaultOrOpsGroup.add(message);
		}

		@EventListener
		void plain(RobotMessageEvent message) {
			this.plain.add(message);
		}

	}

	static class Returning {

		@DingTalkRobotListener
		String reply(RobotMessageEvent message) {
			return "pong";
		}

	}

	static class WrongParameter {

		@DingTalkRobotListener
		void on(String text) {
		}

	}

}
