package io.dingboot.sample.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dingboot.test.FakeApp;
import io.dingboot.test.FakeDingTalk;
import io.dingboot.test.FakeOrganization;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Switches the sample to demo mode when no DingTalk credentials are configured: starts a
 * {@link FakeDingTalk} with {@link FakeOrganization#demo()} on a free loopback port, with its Stream
 * gateway, registers it as the bean {@value #FAKE_BEAN_NAME}, points the {@code dingtalk.*}
 * properties at it (free login, browser login, dd.config and Stream mode on; events and robot
 * messages arrive through Stream, so the HTTP callback endpoint stays off) and stops it when the
 * context closes.
 */
public final class DemoModeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	/** Property set to {@code true} in demo mode. */
	public static final String DEMO_PROPERTY = "sample.demo.enabled";

	/** Name of the {@link FakeDingTalk} bean in demo mode. */
	public static final String FAKE_BEAN_NAME = "fakeDingTalk";

	private static final String PROPERTY_SOURCE_NAME = "dingtalkSampleDemo";

	private static final Log logger = LogFactory.getLog(DemoModeInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!isDemoMode(environment)) {
			return;
		}
		FakeDingTalk fake = FakeDingTalk.start(FakeOrganization.demo());
		// the Stream gateway answers connections/open on the fake's URL from the first connect on
		fake.stream();
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(FAKE_BEAN_NAME, fake);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(FAKE_BEAN_NAME, fake::close);
		}
		else {
			context.addApplicationListener((ContextClosedEvent event) -> fake.close());
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, demoProperties(fake)));
		logger.info("No DingTalk credentials configured: demo mode on FakeDingTalk at " + fake.baseUrl()
				+ ", events and robot messages through its Stream gateway"
				+ " (set DINGTALK_APP_KEY, DINGTALK_APP_SECRET, DINGTALK_CORP_ID and DINGTALK_AGENT_ID for a real organisation)");
	}

	/**
	 * Whether the environment asks for demo mode: no {@code dingtalk.app-key} and no
	 * {@code dingtalk.corp-secret} set (the {@code DINGTALK_APP_KEY} variable feeds the former).
	 * @param environment the environment
	 * @return whether to run on the fake
	 */
	static boolean isDemoMode(ConfigurableEnvironment environment) {
		return !StringUtils.hasText(environment.getProperty("dingtalk.app-key"))
				&& !StringUtils.hasText(environment.getProperty("dingtalk.corp-secret"));
	}

	private static Map<String, Object> demoProperties(FakeDingTalk fake) {
		FakeApp app = fake.organization().app();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(DEMO_PROPERTY, "true");
		properties.put("dingtalk.base-url", fake.baseUrl());
		properties.put("dingtalk.app-key", app.appKey());
		properties.put("dingtalk.app-secret", app.appSecret());
		properties.put("dingtalk.corp-id", app.corpId());
		properties.put("dingtalk.agent-id", String.valueOf(app.agentId()));
		properties.put("dingtalk.login.enabled", "true");
		properties.put("dingtalk.login.browser.enabled", "true");
		properties.put("dingtalk.login.browser.login-base-url", fake.baseUrl());
		properties.put("dingtalk.api-base-url", fake.baseUrl());
		properties.put("dingtalk.jsapi.enabled", "true");
		// events and robot messages through the fake's Stream gateway: no callback URL needed
		properties.put("dingtalk.stream.enabled", "true");
		properties.put("dingtalk.callback.enabled", "false");
		properties.putAll(DemoRobots.configure(fake));
		return properties;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

}
