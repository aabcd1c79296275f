package io.dingboot.apps;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The settings of an app registered at runtime, the same keys as {@code dingtalk.apps.<name>.*}.
 * {@link #toString()} never shows a secret.
 *
 * @param appKey the AppKey (Client ID)
 * @param appSecret the AppSecret (Client Secret)
 * @param corpId the CorpId of the app's organisation
 * @param corpSecret the legacy CorpSecret, used with the corp id when no app key/secret pair is set
 * @param agentId the AgentId
 * @param robotCode the RobotCode of the app's robot
 * @param baseUrl the base URL of the legacy server API for this app, or {@code null} for
 * {@code dingtalk.base-url}
 * @param apiBaseUrl the base URL of the v1.0 family for this app, or {@code null} for
 * {@code dingtalk.api-base-url}
 */
public record DingTalkAppSettings(@Nullable String appKey, @Nullable String appSecret, @Nullable String corpId,
		@Nullable String corpSecret, @Nullable Long agentId, @Nullable String robotCode, @Nullable URI baseUrl,
		@Nullable URI apiBaseUrl) {

	/**
	 * Settings at the top-level base URLs.
	 * @param appKey the AppKey (Client ID)
	 * @param appSecret the AppSecret (Client Secret)
	 * @param corpId the CorpId of the app's organisation
	 * @param corpSecret the legacy CorpSecret
	 * @param agentId the AgentId
	 * @param robotCode the RobotCode of the app's robot
	 */
	public DingTalkAppSettings(@Nullable String appKey, @Nullable String appSecret, @Nullable String corpId,
			@Nullable String corpSecret, @Nullable Long agentId, @Nullable String robotCode) {
		this(appKey, appSecret, corpId, corpSecret, agentId, robotCode, null, null);
	}

	/**
	 * Settings with the current credential pair only.
	 * @param appKey the AppKey (Client ID)
	 * @param appSecret the AppSecret (Client Secret)
	 * @return the settings
	 */
	public static DingTalkAppSettings of(@Nullable String appKey, @Nullable String appSecret) {
		return new DingTalkAppSettings(appKey, appSecret, null, null, null, null);
	}

	/**
	 * These settings with {@code corpId}.
	 * @param corpId the CorpId
	 * @return new settings
	 */
	public DingTalkAppSettings withCorpId(@Nullable String corpId) {
		return new DingTalkAppSettings(this.appKey, this.appSecret, corpId, this.corpSecret, this.agentId,
				this.robotCode, this.baseUrl, this.apiBaseUrl);
	}

	/**
	 * These settings with {@code agentId}.
	 * @param agentId the AgentId
	 * @return new settings
	 */
	public DingTalkAppSettings withAgentId(@Nullable Long agentId) {
		return new DingTalkAppSettings(this.appKey, this.appSecret, this.corpId, this.corpSecret, agentId,
				this.robotCode, this.baseUrl, this.apiBaseUrl);
	}

	/**
	 * These settings with {@code robotCode}.
	 * @param robotCode the RobotCode
	 * @return new settings
	 */
	public DingTalkAppSettings withRobotCode(@Nullable String robotCode) {
		return new DingTalkAppSettings(this.appKey, this.appSecret, this.corpId, this.corpSecret, this.agentId,
				robotCode, this.baseUrl, this.apiBaseUrl);
	}

	/**
	 * These settings with the legacy server API at {@code baseUrl}, like
	 * {@code dingtalk.apps.<name>.base-url}.
	 * @param baseUrl an absolute http(s) URL, or {@code null} for {@code dingtalk.base-url}
	 * @return new settings
	 */
	public DingTalkAppSettings withBaseUrl(@Nullable URI baseUrl) {
		return new DingTalkAppSettings(this.appKey, this.appSecret, this.corpId, this.corpSecret, this.agentId,
				this.robotCode, baseUrl, this.apiBaseUrl);
	}

	/**
	 * These settings with the v1.0 family at {@code apiBaseUrl}, like
	 * {@code dingtalk.apps.<name>.api-base-url}.
	 * @param apiBaseUrl an absolute http(s) URL, or {@code null} for {@code dingtalk.api-base-url}
	 * @return new settings
	 */
	public DingTalkAppSettings withApiBaseUrl(@Nullable URI apiBaseUrl) {
		return new DingTalkAppSettings(this.appKey, this.appSecret, this.corpId, this.corpSecret, this.agentId,
				this.robotCode, this.baseUrl, apiBaseUrl);
	}

	/**
	 * Whether the app key/secret pair is set; it wins over the legacy pair.
	 * @return whether the current credential pair is set
	 */
	public boolean hasAppCredentials() {
		return StringUtils.hasText(this.appKey) && StringUtils.hasText(this.appSecret);
	}

	/**
	 * The key that scopes this app's cached tokens: the app key, or the corp id for the legacy
	 * credential. Never a secret.
	 * @return the token scope
	 */
	public @Nullable String tokenScope() {
		return hasAppCredentials() ? this.appKey : this.corpId;
	}

	@Override
	public String toString() {
		return "DingTalkAppSettings{appKey=" + this.appKey + ", appSecret=" + mask(this.appSecret) + ", corpId="
				+ this.corpId + ", corpSecret=" + mask(this.corpSecret) + ", agentId=" + this.agentId + ", robotCode="
				+ this.robotCode + ((this.baseUrl != null) ? ", baseUrl=" + this.baseUrl : "")
				+ ((this.apiBaseUrl != null) ? ", apiBaseUrl=" + this.apiBaseUrl : "") + "}";
	}

	private static @Nullable String mask(@Nullable String secret) {
		return (secret != null) ? "******" : null;
	}

}
