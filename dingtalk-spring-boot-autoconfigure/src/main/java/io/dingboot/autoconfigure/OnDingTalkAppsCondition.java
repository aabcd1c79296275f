package io.dingboot.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application defines at least one DingTalk app: the top-level credentials (the
 * app {@code default}) or any {@code dingtalk.apps.<name>}. The beans every app shares (token store
 * and cache, transport) exist under it.
 */
class OnDingTalkAppsCondition extends SpringBootCondition {

	private static final Bindable<Map<String, DingTalkProperties.App>> APPS = Bindable.mapOf(String.class,
			DingTalkProperties.App.class);

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (OnDingTalkCredentialsCondition.hasCredentials(context.getEnvironment())) {
			return ConditionOutcome.match("the default app's credentials are set");
		}
		if (hasNamedApps(context.getEnvironment())) {
			return ConditionOutcome.match("dingtalk.apps.<name> is set");
		}
		return ConditionOutcome.noMatch("no DingTalk app is defined (neither top-level credentials nor dingtalk.apps)");
	}

	/**
	 * Whether any {@code dingtalk.apps.<name>} is set.
	 * @param environment the environment
	 * @return whether named apps are defined
	 */
	static boolean hasNamedApps(Environment environment) {
		return Binder.get(environment).bind("dingtalk.apps", APPS).map((apps) -> !apps.isEmpty()).orElse(false);
	}

}
