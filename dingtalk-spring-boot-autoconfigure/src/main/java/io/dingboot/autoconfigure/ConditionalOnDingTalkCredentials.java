package io.dingboot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when a credential pair is configured: {@code dingtalk.app-key} with
 * {@code dingtalk.app-secret}, or {@code dingtalk.corp-id} with {@code dingtalk.corp-secret}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnDingTalkCredentialsCondition.class)
public @interface ConditionalOnDingTalkCredentials {

}
