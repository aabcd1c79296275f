package io.dingboot.sample.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dingboot.test.FakeDingTalk;
import io.dingboot.test.FakeWebhookRobot;

/**
 * The robots of demo mode: one custom group robot {@value #CUSTOM_ROBOT} with a signing secret
 * (so every send is signed and the fake checks the signature), the app robot (its robotCode is the
 * demo app's key) and the demo group both send to.
 */
public final class DemoRobots {

	/** Name of the demo's custom group robot, {@code dingtalk.robots.demo-group.*}. */
	public static final String CUSTOM_ROBOT = "demo-group";

	/** The openConversationId of the demo group. */
	public static final String DEMO_GROUP = "cidDingBootDemoGroup==";

	/** The demo group's name as the panel shows it. */
	public static final String DEMO_GROUP_NAME = "DingBoot 演示群";

	static final String ACCESS_TOKEN = "dingbootdemogrouptoken";

	static final String SECRET = "SECdingbootdemo0123456789abcdef";

	private DemoRobots() {
	}

	/**
	 * Register the custom robot with the fake and answer the properties that configure both robots.
	 * @param fake the demo fake
	 * @return the {@code dingtalk.*} properties to add
	 */
	static Map<String, Object> configure(FakeDingTalk fake) {
		fake.webhookRobots().add(FakeWebhookRobot.of(CUSTOM_ROBOT, ACCESS_TOKEN, SECRET));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("dingtalk.api-base-url", fake.baseUrl());
		properties.put("dingtalk.robot-code", fake.organization().app().appKey());
		properties.put("dingtalk.robots." + CUSTOM_ROBOT + ".access-token", ACCESS_TOKEN);
		properties.put("dingtalk.robots." + CUSTOM_ROBOT + ".secret", SECRET);
		return properties;
	}

}
