package io.dingboot.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when Stream mode is on for at least one app: {@code dingtalk.stream.enabled=true}, or
 * {@code dingtalk.apps.<name>.stream.enabled=true} for some app.
 */
class OnStreamEnabledCondition extends SpringBootCondition {

	private static final Bindable<Map<String, DingTalkProperties.App>> APPS = Bindable.mapOf(String.class,
			DingTalkProperties.App.class);

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		boolean top = binder.bind("dingtalk.stream.enabled", Boolean.class).orElse(false);
		if (top) {
			return ConditionOutcome.match("dingtalk.stream.enabled is true");
		}
		boolean any = binder.bind("dingtalk.apps", APPS)
			.map((apps) -> apps.values().stream().anyMatch((app) -> app.getStream().isEnabled(false)))
			.orElse(false);
		return any ? ConditionOutcome.match("dingtalk.apps.<name>.stream.enabled is true")
				: ConditionOutcome.noMatch("Stream mode is off (dingtalk.stream.enabled)");
	}

}
