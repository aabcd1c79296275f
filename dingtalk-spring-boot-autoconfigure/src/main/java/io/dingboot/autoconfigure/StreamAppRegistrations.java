package io.dingboot.autoconfigure;

import io.dingboot.apps.DingTalkAppSettings;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.stream.DingTalkStreamClient;
import io.dingboot.stream.StreamApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and closes the Stream connections of apps {@linkplain DingTalkApps#register registered}
 * and {@linkplain DingTalkApps#remove removed} at runtime. An app connects when its switch is on:
 * {@code dingtalk.apps.<name>.stream.enabled} when set, otherwise {@code dingtalk.stream.enabled}.
 */
final class StreamAppRegistrations implements DingTalkApps.Listener {

	private static final Logger logger = LoggerFactory.getLogger(StreamAppRegistrations.class);

	private final DingTalkStreamClient client;

	private final DingTalkProperties properties;

	StreamAppRegistrations(DingTalkStreamClient client, DingTalkProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	@Override
	public void registered(String name, DingTalkAppSettings settings) {
		boolean top = this.properties.getStream().isEnabled();
		DingTalkProperties.App configured = this.properties.getApps().get(name);
		boolean enabled = (configured != null) ? configured.getStream().isEnabled(top) : top;
		if (!enabled) {
			return;
		}
		if (!settings.hasAppCredentials()) {
			logger.info("DingTalk app '{}' has no app key and app secret: it opens no Stream connection", name);
			return;
		}
		String apiBaseUrl = (settings.apiBaseUrl() != null) ? settings.apiBaseUrl().toString()
				: this.properties.getApiBaseUrl();
		this.client.addApp(new StreamApp(name, settings.appKey().trim(), settings.appSecret().trim(), apiBaseUrl,
				"dingtalk.apps." + name + "."));
	}

	@Override
	public void removed(String name) {
		this.client.removeApp(name);
	}

}
