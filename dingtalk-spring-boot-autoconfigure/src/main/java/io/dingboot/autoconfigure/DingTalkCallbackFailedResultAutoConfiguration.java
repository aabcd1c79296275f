package io.dingboot.autoconfigure;

import io.dingboot.callback.CallbackDispatcher;
import io.dingboot.callback.CallbackFailedResultApi;
import io.dingboot.http.DingTalkClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link CallbackFailedResultApi}, the client for the pushes DingTalk failed
 * to deliver: present whenever credentials are set, since fetching needs no endpoint. Replaying
 * what was fetched goes through the {@link CallbackDispatcher} of
 * {@code dingtalk.callback.enabled=true} (its listeners and deduplication); without it only
 * fetching works.
 */
@AutoConfiguration(after = { DingTalkAutoConfiguration.class, DingTalkCallbackAutoConfiguration.class })
@ConditionalOnBean(DingTalkClient.class)
public final class DingTalkCallbackFailedResultAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CallbackFailedResultApi dingTalkCallbackFailedResultApi(DingTalkClient client,
			ObjectProvider<CallbackDispatcher> dispatcher) {
		return new CallbackFailedResultApi(client, dispatcher.getIfAvailable());
	}

}
