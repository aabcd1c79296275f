package io.dingboot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Checks {@code dingtalk.robots.*} and {@code dingtalk.robot-rate-limit.*} before any bean is
 * created, so that a wrong robot fails the start with the property to fix
 * ({@link InvalidDingTalkPropertyFailureAnalyzer}).
 */
final class DingTalkRobotsPropertiesValidator implements BeanFactoryPostProcessor, EnvironmentAware {

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.environment != null) {
			Binder.get(this.environment)
				.bind("dingtalk", DingTalkRobotsProperties.class)
				.ifBound(RobotWebhookSettings::robots);
		}
	}

}
