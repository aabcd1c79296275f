package io.dingboot.autoconfigure;

import java.util.Map;

import io.dingboot.health.DingTalkStreamHealthIndicator;
import io.dingboot.stream.StreamListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Stream parts of {@link DingTalkMetricsAutoConfiguration} and
 * {@link DingTalkHealthAutoConfiguration}: the meters' listener and the {@code dingTalkStream}
 * health indicator exist only with Micrometer (or Spring Boot's health) and Stream mode on.
 */
class DingTalkStreamOperationsAutoConfigurationTests {

	private static final String[] STREAM = { "dingtalk.app-key=dingappkey", "dingtalk.app-secret=s3cret",
			"dingtalk.api-base-url=http://127.0.0.1:1", "dingtalk.stream.enabled=true" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class,
				DingTalkCallbackAutoConfiguration.class, DingTalkStreamAutoConfiguration.class,
				DingTalkMetricsAutoConfiguration.class, DingTalkHealthAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void streamOnRegistersTheMetricsListenerAndTheHealthIndicator() {
		this.runner.withPropertyValues(STREAM).run((context) -> {
			assertThat(context).hasBean("dingTalkStreamMetricsListener");
			assertThat(context).hasSingleBean(DingTalkStreamHealthIndicator.class);
			assertThat(context).hasBean("dingTalkStreamHealthIndicator");
			assertThat(context.getBeansOfType(StreamListener.class)).hasSize(2);
		});
	}

	@Test
	void streamOffRegistersNeither() {
		this.runner.withPropertyValues("dingtalk.app-key=dingappkey", "dingtalk.app-secret=s3cret").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(StreamListener.class);
			assertThat(context).doesNotHaveBean(DingTalkStreamHealthIndicator.class);
		});
	}

	@Test
	void withoutMicrometerOnlyTheHealthIndicatorIsRegistered() {
		this.runner.withPropertyValues(STREAM)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("dingTalkStreamMetricsListener");
				assertThat(context).hasSingleBean(DingTalkStreamHealthIndicator.class);
			});
	}

	@Test
	void withoutAMeterRegistryBeanNoMetricsListenerIsRegistered() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class,
					DingTalkCallbackAutoConfiguration.class, DingTalkStreamAutoConfiguration.class,
					DingTalkMetricsAutoConfiguration.class))
			.withPropertyValues(STREAM)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("dingTalkStreamMetricsListener");
			});
	}

	@Test
	void withoutSpringBootHealthOnlyTheMetricsListenerIsRegistered() {
		this.runner.withPropertyValues(STREAM)
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasBean("dingTalkStreamMetricsListener");
				assertThat(context).doesNotHaveBean(DingTalkStreamHealthIndicator.class);
			});
	}

	@Test
	void healthIndicatorIsOffWhenDisabled() {
		this.runner.withPropertyValues(STREAM)
			.withPropertyValues("management.health.dingtalk-stream.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DingTalkStreamHealthIndicator.class);
				assertThat(context).hasBean("dingtalkHealthIndicator");
			});
	}

	@Test
	void healthIndicatorListsEveryStreamAppAsReconnectingBeforeItConnects() {
		this.runner.withPropertyValues(STREAM)
			.withPropertyValues("dingtalk.apps.crm.app-key=crmkey", "dingtalk.apps.crm.app-secret=crm-s3cret")
			.run((context) -> {
				Health health = context.getBean(DingTalkStreamHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
				@SuppressWarnings("unchecked")
				Map<String, Health> apps = (Map<String, Health>) health.getDetails().get("apps");
				assertThat(apps).containsOnlyKeys("default", "crm");
				assertThat(apps.get("crm").getDetails()).containsEntry("state", "reconnecting");
				assertThat(health.toString()).doesNotContain("s3cret").doesNotContain("crmkey");
			});
	}

}
