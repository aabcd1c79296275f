package io.dingboot.stream;

import org.springframework.util.Assert;

/**
 * One app that opens a Stream connection. {@link #toString()} never shows the secret.
 *
 * @param name the app's name ({@code default} for the top-level {@code dingtalk.*} app)
 * @param appKey the AppKey (Client ID)
 * @param appSecret the AppSecret (Client Secret)
 * @param apiBaseUrl base URL of {@code /v1.0/gateway/connections/open}, e.g.
 * {@code https://api.dingtalk.com}
 * @param propertyPrefix the prefix of the app's keys in messages, {@code dingtalk.} or
 * {@code dingtalk.apps.<name>.}
 */
public record StreamApp(String name, String appKey, String appSecret, String apiBaseUrl, String propertyPrefix) {

	public StreamApp {
		Assert.hasText(name, "'name' must not be empty");
		Assert.hasText(appKey, "'appKey' must not be empty");
		Assert.hasText(appSecret, "'appSecret' must not be empty");
		Assert.hasText(apiBaseUrl, "'apiBaseUrl' must not be empty");
		Assert.notNull(propertyPrefix, "'propertyPrefix' must not be null");
	}

	@Override
	public String toString() {
		return "StreamApp{name=" + this.name + ", appKey=" + this.appKey + ", appSecret=******, apiBaseUrl="
				+ this.apiBaseUrl + "}";
	}

}
