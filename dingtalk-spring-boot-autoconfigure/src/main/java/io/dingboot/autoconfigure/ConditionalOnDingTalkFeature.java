package io.dingboot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when a feature is switched on for at least one app: {@code dingtalk.<feature>.enabled=true},
 * or {@code dingtalk.apps.<name>.<feature>.enabled=true} for some app.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnDingTalkFeatureCondition.class)
@interface ConditionalOnDingTalkFeature {

	/**
	 * The feature.
	 * @return the feature
	 */
	DingTalkFeature[] value();

}
