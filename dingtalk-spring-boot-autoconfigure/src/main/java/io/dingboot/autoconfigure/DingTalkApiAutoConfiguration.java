package io.dingboot.autoconfigure;

import io.dingboot.department.DepartmentApi;
import io.dingboot.http.DingTalkClient;
import io.dingboot.media.MediaApi;
import io.dingboot.media.MediaLimits;
import io.dingboot.message.WorkNotificationApi;
import io.dingboot.user.UserApi;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configuration of the API groups: departments, users, work notifications and media upload,
 * each a bean of its own over the {@link DingTalkClient}. The beans are lazy: each is created when
 * it is first injected or looked up, so an application pays at start-up only for the groups it uses.
 */
@AutoConfiguration(after = DingTalkAutoConfiguration.class)
@ConditionalOnDingTalkCredentials
public final class DingTalkApiAutoConfiguration {

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	DepartmentApi dingTalkDepartmentApi(DingTalkClient dingTalkClient) {
		return new DepartmentApi(dingTalkClient);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	UserApi dingTalkUserApi(DingTalkClient dingTalkClient) {
		return new UserApi(dingTalkClient);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	WorkNotificationApi dingTalkWorkNotificationApi(DingTalkClient dingTalkClient, DingTalkProperties properties) {
		return new WorkNotificationApi(dingTalkClient, properties.getAgentId());
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	MediaApi dingTalkMediaApi(DingTalkClient dingTalkClient, DingTalkProperties properties) {
		DingTalkProperties.Media media = properties.getMedia();
		return new MediaApi(dingTalkClient, new MediaLimits(media.getMaxImageSize(), media.getMaxVoiceSize(),
				media.getMaxVideoSize(), media.getMaxFileSize()));
	}

}
