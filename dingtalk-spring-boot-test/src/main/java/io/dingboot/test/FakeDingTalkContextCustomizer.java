package io.dingboot.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link FakeDingTalk} for one application context, registers it as the bean
 * {@code fakeDingTalk}, and puts the {@code dingtalk.*} properties that point at it first in the
 * environment.
 */
final class FakeDingTalkContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "fakeDingTalk";

	private final String organization;

	private final int recordCapacity;

	FakeDingTalkContextCustomizer(String organization, int recordCapacity) {
		this.organization = organization;
		this.recordCapacity = recordCapacity;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		FakeDingTalk fake = FakeDingTalk.builder()
			.organization(loadOrganization(context))
			.recordCapacity(this.recordCapacity)
			.build()
			.start();
		fake.attach(new SpringApplicationUnderTest(context.getEnvironment()));
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
		properties.put("dingtalk.app-key", app.appKey());
		properties.put("dingtalk.app-secret", app.appSecret());
		properties.put("dingtalk.corp-id", app.corpId());
		properties.put("dingtalk.agent-id", String.valueOf(app.agentId()));
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(BEAN_NAME, properties));
	}

	private FakeOrganization loadOrganization(ConfigurableApplicationContext context) {
		if (this.organization.isEmpty()) {
			return FakeOrganization.demo();
		}
		Resource resource = context.getResource(this.organization);
		String name = this.organization.toLowerCase(Locale.ROOT);
		try (InputStream input = resource.getInputStream()) {
			return name.endsWith(".json") ? FakeOrganization.fromJson(input) : FakeOrganization.fromYaml(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the fake DingTalk organisation " + this.organization, ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FakeDingTalkContextCustomizer customizer
				&& this.organization.equals(customizer.organization)
				&& this.recordCapacity == customizer.recordCapacity;
	}

	@Override
	public int hashCode() {
		return 31 * this.organization.hashCode() + this.recordCapacity;
	}

}
