package io.dingboot.stream;

import java.lang.reflect.Method;
import java.util.List;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * A {@link DingTalkRobotListener} method: Spring's own listener method adapter (argument, condition
 * and order handling) that passes on only the robot messages of the annotation's apps and
 * prefixes.
 */
final class RobotListenerMethodAdapter extends ApplicationListenerMethodAdapter {

	private final List<String> apps;

	private final List<String> prefixes;

	RobotListenerMethodAdapter(String beanName, Class<?> targetClass, Method method) {
		super(beanName, targetClass, check(method));
		DingTalkRobotListener annotation = AnnotatedElementUtils.findMergedAnnotation(method,
				DingTalkRobotListener.class);
		this.apps = List.of(annotation.app());
		this.prefixes = List.of(annotation.prefix());
	}

	private static Method check(Method method) {
		Class<?>[] parameters = method.getParameterTypes();
		if (parameters.length != 1 || parameters[0] != RobotMessageEvent.class) {
			throw new IllegalStateException("@DingTalkRobotListener method " + describe(method)
					+ " must take one parameter, the RobotMessageEvent");
		}
		if (method.getReturnType() != void.class) {
			throw new IllegalStateException("@DingTalkRobotListener method " + describe(method)
					+ " must return void: reply with RobotReplier (a returned value would be published as an event)");
		}
		return method;
	}

	private static String describe(Method method) {
		return method.getDeclaringClass().getName() + "." + method.getName();
	}

	@Override
	public void processEvent(ApplicationEvent event) {
		if (event instanceof RobotMessageEvent message && matches(message)) {
			super.processEvent(event);
		}
	}

	private boolean matches(RobotMessageEvent message) {
		if (!this.apps.isEmpty() && !this.apps.contains(message.getAppName())) {
			return false;
		}
		if (this.prefixes.isEmpty()) {
			return true;
		}
		String text = message.getText();
		return text != null && this.prefixes.stream().anyMatch(text::startsWith);
	}

}
