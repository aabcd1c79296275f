package io.dingboot.autoconfigure;

import java.time.Clock;

import io.dingboot.http.DingTalkApiClient;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.robot.AppRobotApi;
import io.dingboot.robot.RobotReplier;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configuration of the default app's robot (企业内部应用机器人): the send API
 * ({@link AppRobotApi}, v1.0 family, robotCode from {@code dingtalk.robot-code}) and the
 * {@link RobotReplier} that answers received messages. Both beans are lazy and exist only with
 * top-level credentials.
 */
@AutoConfiguration(after = DingTalkAutoConfiguration.class)
@ConditionalOnDingTalkCredentials
@EnableConfigurationProperties(DingTalkRobotProperties.class)
public final class DingTalkRobotAutoConfiguration {

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	AppRobotApi dingTalkAppRobotApi(DingTalkApiClient dingTalkApiClient, DingTalkProperties properties) {
		return new AppRobotApi(dingTalkApiClient.client(), properties.getRobotCode());
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	RobotReplier dingTalkRobotReplier(DingTalkTransport transport, AppRobotApi appRobotApi,
			DingTalkRobotProperties robotProperties) {
		return new RobotReplier(transport, appRobotApi, robotProperties.getReply().getSessionWebhookMargin(),
				Clock.systemUTC());
	}

}
