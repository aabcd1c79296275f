package io.dingboot.autoconfigure;

import java.time.Clock;

import io.dingboot.card.CardApi;
import io.dingboot.http.DingTalkApiClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configuration of the default app's interactive and AI cards ({@link CardApi}, v1.0 family):
 * cards go to groups and robot chats as the robot of {@code dingtalk.robot-code}, AI card streams
 * at most {@code dingtalk.card.streaming.max-updates-per-second}. The bean is lazy and exists only
 * with top-level credentials.
 */
@AutoConfiguration(after = DingTalkAutoConfiguration.class)
@ConditionalOnDingTalkCredentials
@EnableConfigurationProperties(DingTalkCardProperties.class)
public final class DingTalkCardAutoConfiguration {

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	CardApi dingTalkCardApi(DingTalkApiClient dingTalkApiClient, DingTalkProperties properties,
			DingTalkCardProperties cardProperties) {
		return new CardApi(dingTalkApiClient.client(),
				properties.getRobotCode(), cardProperties.getStreaming().getMaxUpdatesPerSecond(), Clock.systemUTC());
	}

}
