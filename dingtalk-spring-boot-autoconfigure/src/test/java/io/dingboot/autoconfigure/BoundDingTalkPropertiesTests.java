package io.dingboot.autoconfigure;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BoundDingTalkProperties}: the conditions and the validator bind
 * {@code dingtalk.*} once between them.
 */
class BoundDingTalkPropertiesTests {

	private static final String COUNTED = "dingtalk.apps.hr.app-key";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkAppsAutoConfiguration.class,
				DingTalkApiAutoConfiguration.class, DingTalkJsapiAutoConfiguration.class,
				DingTalkJsapiEndpointAutoConfiguration.class, DingTalkCallbackAutoConfiguration.class,
				DingTalkLoginAutoConfiguration.class, DingTalkBrowserLoginAutoConfiguration.class,
				DingTalkStreamAutoConfiguration.class, DingTalkHealthAutoConfiguration.class,
				DingTalkMetricsAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class));

	@Test
	void conditionsAndValidatorBindAnAppOnceAndThePropertiesBeanOnce() {
		AtomicInteger lookups = new AtomicInteger();
		this.runner.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new CountingPropertySource(lookups,
					Map.of(COUNTED, "hr-key", "dingtalk.apps.hr.app-secret", "hr-secret",
							"dingtalk.apps.hr.corp-id", "dinghr", "dingtalk.apps.hr.agent-id", "1001",
							"dingtalk.apps.hr.login.enabled", "true", "dingtalk.apps.hr.jsapi.enabled", "true",
							"dingtalk.base-url", "http://127.0.0.1:9"))))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean("dingTalkSecurityFilterChain").hasBean("dingTalkDdConfigRoute");
				// one bind before any bean (every condition and the validator), one for the bean
				assertThat(lookups).hasValue(2);
			});
	}

	@Test
	void theValidatorLetsGoOfTheSharedBind() {
		this.runner.withPropertyValues("dingtalk.apps.hr.app-key=hr-key", "dingtalk.apps.hr.app-secret=hr-secret")
			.run((context) -> assertThat(context.getBeanFactory().containsSingleton(BoundDingTalkProperties.BEAN_NAME))
				.isFalse());
	}

	@Test
	void oneBindPerBeanFactoryAndEnvironmentUntilReleased() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		MockEnvironment environment = new MockEnvironment().withProperty("dingtalk.app-key", "k");
		BoundDingTalkProperties first = BoundDingTalkProperties.get(beanFactory, environment);
		assertThat(first.orNull()).isNotNull();
		assertThat(BoundDingTalkProperties.get(beanFactory, environment)).isSameAs(first);
		assertThat(BoundDingTalkProperties.get(beanFactory, new MockEnvironment())).isNotSameAs(first);
		BoundDingTalkProperties again = BoundDingTalkProperties.get(beanFactory, environment);
		BoundDingTalkProperties.release(beanFactory);
		assertThat(beanFactory.containsSingleton(BoundDingTalkProperties.BEAN_NAME)).isFalse();
		assertThat(BoundDingTalkProperties.get(beanFactory, environment)).isNotSameAs(again);
	}

	@Test
	void withoutAnyDingTalkPropertyTheDefaultsApply() {
		BoundDingTalkProperties bound = BoundDingTalkProperties.get(null, new MockEnvironment());
		assertThat(bound.failed()).isFalse();
		assertThat(bound.orNull()).isNull();
		assertThat(bound.orDefaults().getApps()).isEmpty();
	}

	@Test
	void aFailedBindIsKeptAndThrownToWhoeverAsksForTheProperties() {
		BoundDingTalkProperties bound = BoundDingTalkProperties.get(new DefaultListableBeanFactory(),
				new MockEnvironment().withProperty("dingtalk.http.connect-timeout", "soon"));
		assertThat(bound.failed()).isTrue();
		assertThatExceptionOfType(BindException.class).isThrownBy(bound::orNull)
			.withMessageContaining("dingtalk.http.connect-timeout");
	}

	/**
	 * Counts the look-ups of {@link #COUNTED}, which every bind of the app {@code hr} makes once.
	 */
	static final class CountingPropertySource extends MapPropertySource {

		private final AtomicInteger lookups;

		@SuppressWarnings({ "unchecked", "rawtypes" })
		CountingPropertySource(AtomicInteger lookups, Map<String, String> properties) {
			super("counting", (Map) properties);
			this.lookups = lookups;
		}

		@Override
		public Object getProperty(String name) {
			if (COUNTED.equals(name)) {
				this.lookups.incrementAndGet();
			}
			return super.getProperty(name);
		}

	}

}
