package io.dingboot.apps;

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
 */
public record DingTalkAppSettings(@Nullable String appKey, @Nullable String appSecret, @Nullable String corpId,
		@Nullable String corpSecret, @Nullable Long agentId, @Nullable String robotCode) {

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
				this.robotCode);
	}

	/**
	 * These settings with {@code agentId}.
	 * @param agentId the AgentId
	 * @return new settings
	 */
	public DingTalkAppSettings withAgentId(@Nullable Long agentId) {
		return new DingTalkAppSettings(this.appKey, this.appSecret, this.corpId, this.corpSecret, agentId,
				this.robotCode);
	}

	/**
	 * These settings with {@code robotCode}.
	 * @param robotCode the RobotCode
	 * @return new settings
	 */
	public DingTalkAppSettings withRobotCode(@Nullable String robotCode) {
		return new DingTalkAppSettings(this.appKey, this.appSecret, this.corpId, this.corpSecret, this.agentId,
				robotCode);
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
				+ this.robotCode + "}";
	}

	private static @Nullable String mask(@Nullable String secret) {
		return (secret != null) ? "******" : null;
	}

}
