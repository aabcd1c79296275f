package io.dingboot.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Condition behind {@link ConditionalOnDingTalkFeature}.
 */
class OnDingTalkFeatureCondition extends SpringBootCondition {

	private static final Bindable<Map<String, DingTalkProperties.App>> APPS = Bindable.mapOf(String.class,
			DingTalkProperties.App.class);

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnDingTalkFeature.class.getName());
		DingTalkFeature[] features = (DingTalkFeature[]) attributes.get("value");
		Binder binder = Binder.get(context.getEnvironment());
		Map<String, DingTalkProperties.App> apps = binder.bind("dingtalk.apps", APPS).orElse(Map.of());
		for (DingTalkFeature feature : features) {
			boolean top = binder.bind(feature.property(), Boolean.class).orElse(false);
			if (top) {
				return ConditionOutcome.match(feature.property() + " is true");
			}
			if (feature.isOpen(false, apps)) {
				return ConditionOutcome.match(feature.property("<name>") + " is true for an app");
			}
		}
		DingTalkFeature feature = features[0];
		return ConditionOutcome.noMatch(feature.property() + " is not true and no app switches it on");
	}

}
