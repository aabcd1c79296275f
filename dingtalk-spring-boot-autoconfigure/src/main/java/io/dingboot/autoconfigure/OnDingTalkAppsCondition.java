package io.dingboot.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application defines at least one DingTalk app: the top-level credentials (the
 * app {@code default}) or any {@code dingtalk.apps.<name>}. The beans every app shares (token store
 * and cache, transport) exist under it.
 */
@Order(DingTalkConditions.ORDER)
class OnDingTalkAppsCondition extends SpringBootCondition {

	private static final ConfigurationPropertyName APPS_NAME = ConfigurationPropertyName.of("dingtalk.apps");

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
		// a look for any dingtalk.apps.* key rather than a bind of every app: the condition is
		// evaluated for several beans, and binding each time made start-up grow with the apps
		boolean unknown = false;
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationPropertyState state = source.containsDescendantOf(APPS_NAME);
			if (state == ConfigurationPropertyState.PRESENT) {
				return true;
			}
			unknown |= (state == ConfigurationPropertyState.UNKNOWN);
		}
		return unknown
				&& Binder.get(environment).bind(APPS_NAME, APPS).map((apps) -> !apps.isEmpty()).orElse(false);
	}

}
