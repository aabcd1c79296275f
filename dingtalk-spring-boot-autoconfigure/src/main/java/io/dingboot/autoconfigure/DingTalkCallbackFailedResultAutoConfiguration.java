package io.dingboot.autoconfigure;

import io.dingboot.apps.DingTalkApps;
import io.dingboot.callback.CallbackDispatcher;
import io.dingboot.callback.CallbackFailedResultApi;
import io.dingboot.callback.CallbackFailedResultApis;
import io.dingboot.http.DingTalkClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configuration of {@link CallbackFailedResultApi}, the client for the pushes DingTalk failed
 * to deliver: present whenever credentials are set, since fetching needs no endpoint, and of
 * {@link CallbackFailedResultApis}, the same client for every app by name. Replaying what was
 * fetched goes through the {@link CallbackDispatcher} of callbacks being on (its listeners and
 * deduplication); without it only fetching works. The client of the app {@code default} is lazy,
 * created when something injects it.
 */
@AutoConfiguration(after = { DingTalkAutoConfiguration.class, DingTalkAppsAutoConfiguration.class,
		DingTalkCallbackAutoConfiguration.class })
public final class DingTalkCallbackFailedResultAutoConfiguration {

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	@ConditionalOnBean(DingTalkClient.class)
	CallbackFailedResultApi dingTalkCallbackFailedResultApi(DingTalkClient client,
			ObjectProvider<CallbackDispatcher> dispatcher) {
		return new CallbackFailedResultApi(client, dispatcher.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(DingTalkApps.class)
	CallbackFailedResultApis dingTalkCallbackFailedResultApis(DingTalkApps apps,
			ObjectProvider<CallbackDispatcher> dispatcher) {
		return new CallbackFailedResultApis(apps, dispatcher.getIfAvailable());
	}

}
