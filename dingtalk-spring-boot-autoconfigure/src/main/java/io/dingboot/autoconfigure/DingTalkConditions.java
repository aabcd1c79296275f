package io.dingboot.autoconfigure;

import org.springframework.core.Ordered;

/**
 * What DingBoot's conditions share.
 */
final class DingTalkConditions {

	/**
	 * The order of DingBoot's conditions: with Spring Boot's property conditions, before
	 * {@code @ConditionalOnMissingBean} and {@code @ConditionalOnBean}. Each of those looks through
	 * every bean definition for the type; DingBoot's conditions read only the properties, so when a
	 * feature is off they end the evaluation of its beans before any such scan.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 40;

	private DingTalkConditions() {
	}

}
