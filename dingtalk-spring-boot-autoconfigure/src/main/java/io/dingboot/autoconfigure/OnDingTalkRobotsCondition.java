package io.dingboot.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one custom group robot is configured ({@code dingtalk.robots.<name>}),
 * or, for {@link Single}, exactly one.
 */
@Order(DingTalkConditions.ORDER)
class OnDingTalkRobotsCondition extends SpringBootCondition {

	private static final Bindable<Map<String, DingTalkRobotsProperties.Robot>> ROBOTS = Bindable.mapOf(String.class,
			DingTalkRobotsProperties.Robot.class);

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		int count = count(context.getEnvironment());
		return (count > 0) ? ConditionOutcome.match(count + " dingtalk.robots.<name> configured")
				: ConditionOutcome.noMatch("no dingtalk.robots.<name> configured");
	}

	static int count(Environment environment) {
		return Binder.get(environment).bind("dingtalk.robots", ROBOTS).map(Map::size).orElse(0);
	}

	/**
	 * Matches when exactly one custom group robot is configured.
	 */
	@Order(DingTalkConditions.ORDER)
	static class Single extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			int count = count(context.getEnvironment());
			return (count == 1) ? ConditionOutcome.match("exactly one dingtalk.robots.<name> configured")
					: ConditionOutcome.noMatch(count + " dingtalk.robots.<name> configured, not exactly one");
		}

	}

}
