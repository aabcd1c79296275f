package io.dingboot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Condition behind {@link ConditionalOnDingTalkCredentials}.
 */
class OnDingTalkCredentialsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		if (hasText(environment, "dingtalk.app-key") && hasText(environment, "dingtalk.app-secret")) {
			return ConditionOutcome.match("dingtalk.app-key and dingtalk.app-secret are set");
		}
		if (hasText(environment, "dingtalk.corp-id") && hasText(environment, "dingtalk.corp-secret")) {
			return ConditionOutcome.match("dingtalk.corp-id and dingtalk.corp-secret are set");
		}
		return ConditionOutcome.noMatch("no DingTalk credentials (dingtalk.app-key/app-secret or "
				+ "dingtalk.corp-id/corp-secret) are set");
	}

	private static boolean hasText(Environment environment, String name) {
		return StringUtils.hasText(environment.getProperty(name));
	}

}
