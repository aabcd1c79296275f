package io.dingboot.autoconfigure;

import java.util.Map;
import java.util.function.Predicate;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Condition behind {@link ConditionalOnDingTalkFeature}. It reads the properties that
 * {@link BoundDingTalkProperties} bound once for every condition; only when they do not bind does it
 * bind the switches it needs by itself, so that a wrong property elsewhere does not decide here.
 */
@Order(DingTalkConditions.ORDER)
class OnDingTalkFeatureCondition extends SpringBootCondition {

	private static final Bindable<Map<String, DingTalkProperties.App>> APPS = Bindable.mapOf(String.class,
			DingTalkProperties.App.class);

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnDingTalkFeature.class.getName());
		DingTalkFeature[] features = (DingTalkFeature[]) attributes.get("value");
		BoundDingTalkProperties bound = BoundDingTalkProperties.get(context);
		Map<String, DingTalkProperties.App> apps;
		Predicate<DingTalkFeature> switchedOn;
		if (bound.failed()) {
			Binder binder = Binder.get(context.getEnvironment());
			apps = binder.bind("dingtalk.apps", APPS).orElse(Map.of());
			switchedOn = (feature) -> binder.bind(feature.property(), Boolean.class).orElse(false);
		}
		else {
			DingTalkProperties properties = bound.orDefaults();
			apps = properties.getApps();
			switchedOn = (feature) -> feature.isSwitchedOn(properties);
		}
		for (DingTalkFeature feature : features) {
			if (switchedOn.test(feature)) {
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
