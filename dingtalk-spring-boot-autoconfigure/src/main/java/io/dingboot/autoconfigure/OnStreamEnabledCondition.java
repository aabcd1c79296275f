package io.dingboot.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when Stream mode is on for at least one app: {@code dingtalk.stream.enabled=true}, or
 * {@code dingtalk.apps.<name>.stream.enabled=true} for some app. It reads the properties that
 * {@link BoundDingTalkProperties} bound once for every condition; only when they do not bind does it
 * bind the switches it needs by itself.
 */
@Order(DingTalkConditions.ORDER)
class OnStreamEnabledCondition extends SpringBootCondition {

	private static final Bindable<Map<String, DingTalkProperties.App>> APPS = Bindable.mapOf(String.class,
			DingTalkProperties.App.class);

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		BoundDingTalkProperties bound = BoundDingTalkProperties.get(context);
		Binder binder = Binder.get(context.getEnvironment());
		DingTalkProperties properties = bound.failed() ? null : bound.orDefaults();
		boolean top = (properties != null) ? properties.getStream().isEnabled()
				: binder.bind("dingtalk.stream.enabled", Boolean.class).orElse(false);
		if (top) {
			return ConditionOutcome.match("dingtalk.stream.enabled is true");
		}
		Map<String, DingTalkProperties.App> apps = (properties != null) ? properties.getApps()
				: binder.bind("dingtalk.apps", APPS).orElse(Map.of());
		boolean any = apps.values().stream().anyMatch((app) -> app.getStream().isEnabled(false));
		return any ? ConditionOutcome.match("dingtalk.apps.<name>.stream.enabled is true")
				: ConditionOutcome.noMatch("Stream mode is off (dingtalk.stream.enabled)");
	}

}
