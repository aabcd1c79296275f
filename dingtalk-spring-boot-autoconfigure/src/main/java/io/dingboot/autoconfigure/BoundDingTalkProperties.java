package io.dingboot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;

/**
 * The {@code dingtalk.*} properties bound once for what reads them before any bean is created:
 * the conditions of DingBoot's auto-configurations and {@link DingTalkPropertiesValidator}. Each of
 * them used to bind the properties (or every app under {@code dingtalk.apps}) for itself, a dozen
 * binds of every app per start-up; now the first binds and the others read its result, which the
 * bean factory holds until the validator, the last of them, has run. The
 * {@code @ConfigurationProperties} bean still binds when it is created, so that it sees properties
 * that arrive later (such as a test's dynamic properties).
 * <p>
 * A bind that fails is kept too; each reader then does what it did before on a failure.
 */
final class BoundDingTalkProperties {

	static final String BEAN_NAME = "io.dingboot.autoconfigure.boundDingTalkProperties";

	private final Environment environment;

	private final @Nullable DingTalkProperties properties;

	private final @Nullable BindException failure;

	private BoundDingTalkProperties(Environment environment, @Nullable DingTalkProperties properties,
			@Nullable BindException failure) {
		this.environment = environment;
		this.properties = properties;
		this.failure = failure;
	}

	/**
	 * The properties as a condition sees them.
	 * @param context the condition's context
	 * @return the properties, bound at most once per bean factory and environment
	 */
	static BoundDingTalkProperties get(ConditionContext context) {
		return get(context.getBeanFactory(), context.getEnvironment());
	}

	/**
	 * The properties bound from {@code environment}, shared through {@code beanFactory}.
	 * @param beanFactory where the result is kept, or {@code null} to bind without keeping it
	 * @param environment the environment
	 * @return the properties, bound at most once per bean factory and environment
	 */
	static BoundDingTalkProperties get(@Nullable ConfigurableListableBeanFactory beanFactory, Environment environment) {
		if (beanFactory == null) {
			return bind(environment);
		}
		// conditions and bean factory post-processors run on the thread that refreshes the context
		if (beanFactory.getSingleton(BEAN_NAME) instanceof BoundDingTalkProperties held
				&& held.environment == environment) {
			return held;
		}
		BoundDingTalkProperties bound = bind(environment);
		release(beanFactory);
		beanFactory.registerSingleton(BEAN_NAME, bound);
		return bound;
	}

	/**
	 * Forget what {@code beanFactory} holds: whoever reads the properties later binds them again.
	 * @param beanFactory the bean factory
	 */
	static void release(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.containsSingleton(BEAN_NAME) && beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.destroySingleton(BEAN_NAME);
		}
	}

	private static BoundDingTalkProperties bind(Environment environment) {
		try {
			DingTalkProperties properties = Binder.get(environment)
				.bind("dingtalk", DingTalkProperties.class)
				.orElse(null);
			return new BoundDingTalkProperties(environment, properties, null);
		}
		catch (BindException ex) {
			return new BoundDingTalkProperties(environment, null, ex);
		}
	}

	/**
	 * Whether the properties failed to bind.
	 * @return whether binding failed
	 */
	boolean failed() {
		return this.failure != null;
	}

	/**
	 * The bound properties, {@code null} when no {@code dingtalk.*} property is set.
	 * @return the properties or {@code null}
	 * @throws BindException the failure of the bind, when it failed
	 */
	@Nullable DingTalkProperties orNull() {
		if (this.failure != null) {
			throw this.failure;
		}
		return this.properties;
	}

	/**
	 * The bound properties, the defaults when no {@code dingtalk.*} property is set.
	 * @return the properties
	 * @throws BindException the failure of the bind, when it failed
	 */
	DingTalkProperties orDefaults() {
		DingTalkProperties properties = orNull();
		return (properties != null) ? properties : new DingTalkProperties();
	}

}
