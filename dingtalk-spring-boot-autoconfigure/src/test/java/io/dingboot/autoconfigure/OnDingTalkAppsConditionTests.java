package io.dingboot.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OnDingTalkAppsCondition#hasNamedApps}.
 */
class OnDingTalkAppsConditionTests {

	@Test
	void namedAppKeyMeansNamedApps() {
		assertThat(OnDingTalkAppsCondition
			.hasNamedApps(new MockEnvironment().withProperty("dingtalk.apps.hr.app-key", "dinghr"))).isTrue();
	}

	@Test
	void namedAppFromEnvironmentVariablesMeansNamedApps() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("DINGTALK_APPS_HR_APPKEY", "dinghr")));
		assertThat(OnDingTalkAppsCondition.hasNamedApps(environment)).isTrue();
	}

	@Test
	void topLevelKeysAndOtherKeysAreNoNamedApps() {
		assertThat(OnDingTalkAppsCondition.hasNamedApps(new MockEnvironment().withProperty("dingtalk.app-key", "ding")
			.withProperty("dingtalk.apps-extra", "x")
			.withProperty("other.apps.hr.app-key", "x"))).isFalse();
	}

}
