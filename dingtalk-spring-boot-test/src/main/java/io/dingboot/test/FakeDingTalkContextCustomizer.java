package io.dingboot.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.StringUtils;

/**
 * Starts a {@link FakeDingTalk} for one application context, registers it as the bean
 * {@code fakeDingTalk}, and puts the {@code dingtalk.*} properties that point at it first in the
 * environment: those of the top-level app and of every {@code dingtalk.apps.<name>} the
 * application defines, each hosted by the fake. An application that defines named apps and no
 * top-level credentials keeps without the top-level app. When the application enables Stream mode,
 * the fake's Stream gateway starts too, so that the first connect succeeds.
 */
final class FakeDingTalkContextCustomizer implements ContextCustomizer {

	private static final String[] TOP_LEVEL_APP_KEYS = { "dingtalk.app-key", "dingtalk.corp-secret", "dingtalk.corp-id",
			"dingtalk.agent-id", "dingtalk.callback.token", "dingtalk.callback.aes-key" };

	static final String BEAN_NAME = "fakeDingTalk";

	private final String organization;

	private final int recordCapacity;

	private final Map<String, String> appOrganizations;

	FakeDingTalkContextCustomizer(String organization, int recordCapacity) {
		this(organization, recordCapacity, Map.of());
	}

	FakeDingTalkContextCustomizer(String organization, int recordCapacity, Map<String, String> appOrganizations) {
		this.organization = organization;
		this.recordCapacity = recordCapacity;
		this.appOrganizations = Map.copyOf(appOrganizations);
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		FakeDingTalk.Builder builder = FakeDingTalk.builder()
			.organization(this.organization.isEmpty() ? FakeOrganization.demo()
					: loadOrganization(context, this.organization))
			.recordCapacity(this.recordCapacity);
		this.appOrganizations.forEach((name, location) -> builder.app(name, loadOrganization(context, location)));
		FakeDingTalk fake = builder.build().start();
		fake.attach(new SpringApplicationUnderTest(context.getEnvironment()));
		fake.webhookRobots().learnFrom(SpringRobots.of(context.getEnvironment()));
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, fake);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(BEAN_NAME, fake::close);
		}
		else {
			context.addApplicationListener((ContextClosedEvent event) -> fake.close());
		}
		FakeApp app = fake.organization().app();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("dingtalk.base-url", fake.baseUrl());
		properties.put("dingtalk.api-base-url", fake.baseUrl());
		properties.put("dingtalk.login.browser.login-base-url", fake.baseUrl());
		Set<String> namedApps = applicationApps(context);
		if (namedApps.isEmpty() || hasTopLevelCredentials(context)) {
			properties.put("dingtalk.app-key", app.appKey());
			properties.put("dingtalk.app-secret", app.appSecret());
			properties.put("dingtalk.corp-id", app.corpId());
			properties.put("dingtalk.agent-id", String.valueOf(app.agentId()));
		}
		for (String name : namedApps) {
			if (!fake.appNames().contains(name)) {
				String compact = name.replace("-", "");
				fake.addApp(name, FakeApp.of("ding" + compact + "appkey", name + "-app-secret", app.corpId(),
						fake.state().apps.nextAgentId()));
			}
			FakeApp named = fake.app(name);
			String prefix = "dingtalk.apps." + name + ".";
			properties.put(prefix + "base-url", fake.baseUrl());
			properties.put(prefix + "api-base-url", fake.baseUrl());
			properties.put(prefix + "app-key", named.appKey());
			properties.put(prefix + "app-secret", named.appSecret());
			properties.put(prefix + "corp-id", named.corpId());
			properties.put(prefix + "agent-id", String.valueOf(named.agentId()));
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(BEAN_NAME, properties));
		if (streamEnabled(context, namedApps)) {
			fake.stream();
		}
	}

	/**
	 * Whether the application opens Stream connections: {@code dingtalk.stream.enabled}, or
	 * {@code dingtalk.apps.<name>.stream.enabled} for one of its apps.
	 */
	private static boolean streamEnabled(ConfigurableApplicationContext context, Set<String> namedApps) {
		Binder binder = Binder.get(context.getEnvironment());
		if (binder.bind("dingtalk.stream.enabled", Boolean.class).orElse(false)) {
			return true;
		}
		return namedApps.stream()
			.anyMatch((name) -> binder.bind("dingtalk.apps." + name + ".stream.enabled", Boolean.class).orElse(false));
	}

	/**
	 * The names of the application's {@code dingtalk.apps.<name>}.
	 */
	private static Set<String> applicationApps(ConfigurableApplicationContext context) {
		return Binder.get(context.getEnvironment())
			.bind("dingtalk.apps", Bindable.mapOf(String.class, Object.class))
			.map(Map::keySet)
			.orElse(Set.of());
	}

	/**
	 * Whether the application defines the top-level app; one that defines named apps only keeps
	 * without it.
	 */
	/**
	 * Whether the application defines the app {@code default}: top-level credentials, or a
	 * top-level key only an app has (its callback token or aes-key, its agent id or corp id).
	 */
	private static boolean hasTopLevelCredentials(ConfigurableApplicationContext context) {
		for (String key : TOP_LEVEL_APP_KEYS) {
			if (StringUtils.hasText(context.getEnvironment().getProperty(key))) {
				return true;
			}
		}
		return false;
	}

	private static FakeOrganization loadOrganization(ConfigurableApplicationContext context, String location) {
		Resource resource = context.getResource(location);
		String name = location.toLowerCase(Locale.ROOT);
		try (InputStream input = resource.getInputStream()) {
			return name.endsWith(".json") ? FakeOrganization.fromJson(input) : FakeOrganization.fromYaml(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the fake DingTalk organisation " + location, ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FakeDingTalkContextCustomizer customizer
				&& this.organization.equals(customizer.organization)
				&& this.recordCapacity == customizer.recordCapacity
				&& this.appOrganizations.equals(customizer.appOrganizations);
	}

	@Override
	public int hashCode() {
		return (31 * this.organization.hashCode() + this.recordCapacity) * 31 + this.appOrganizations.hashCode();
	}

}
