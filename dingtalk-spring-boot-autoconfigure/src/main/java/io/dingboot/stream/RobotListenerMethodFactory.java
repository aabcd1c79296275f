package io.dingboot.stream;

import java.lang.reflect.Method;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.DefaultEventListenerFactory;
import org.springframework.context.event.EventListenerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Turns methods annotated with {@link DingTalkRobotListener} into listeners that take only the
 * robot messages of the annotation's apps and prefixes; every other {@code @EventListener} is left
 * to Spring's {@link DefaultEventListenerFactory}.
 */
public final class RobotListenerMethodFactory implements EventListenerFactory, Ordered {

	@Override
	public boolean supportsMethod(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, DingTalkRobotListener.class);
	}

	@Override
	public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
		return new RobotListenerMethodAdapter(beanName, type, method);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

}
