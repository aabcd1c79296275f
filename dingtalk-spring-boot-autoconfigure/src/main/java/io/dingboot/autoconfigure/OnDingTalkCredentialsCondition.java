package io.dingboot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Condition behind {@link ConditionalOnDingTalkCredentials}. An incomplete pair never gets this
 * far: {@link DingTalkPropertiesValidator} has failed the start-up naming the missing property
 * before any condition of a bean method is evaluated against the beans.
 */
@Order(DingTalkConditions.ORDER)
class OnDingTalkCredentialsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		PropertyResolver environment = context.getEnvironment();
		if (hasText(environment, "dingtalk.app-key") && hasText(environment, "dingtalk.app-secret")) {
			return ConditionOutcome.match("dingtalk.app-key and dingtalk.app-secret are set");
		}
		if (hasText(environment, "dingtalk.corp-id") && hasText(environment, "dingtalk.corp-secret")) {
			return ConditionOutcome.match("dingtalk.corp-id and dingtalk.corp-secret are set");
		}
		return ConditionOutcome.noMatch("no DingTalk credentials (dingtalk.app-key/app-secret or "
				+ "dingtalk.corp-id/corp-secret) are set");
	}

	/**
	 * Whether a credential pair of the top-level app is set.
	 * @param environment the environment
	 * @return whether DingBoot's client beans are defined
	 */
	static boolean hasCredentials(PropertyResolver environment) {
		return (hasText(environment, "dingtalk.app-key") && hasText(environment, "dingtalk.app-secret"))
				|| (hasText(environment, "dingtalk.corp-id") && hasText(environment, "dingtalk.corp-secret"));
	}

	private static boolean hasText(PropertyResolver environment, String name) {
		return StringUtils.hasText(environment.getProperty(name));
	}

}
