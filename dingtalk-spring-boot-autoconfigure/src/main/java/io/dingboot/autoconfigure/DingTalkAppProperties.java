package io.dingboot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The keys every DingTalk app has: the top-level {@code dingtalk.*} app and each
 * {@code dingtalk.apps.<name>.*}. {@link #credentialsToString()} never shows a secret.
 */
public abstract class DingTalkAppProperties {

	/**
	 * CorpId of the app's organisation (starts with "ding"); signs dd.config and is a callback owner
	 * key.
	 */
	private @Nullable String corpId;

	/**
	 * Legacy credential: CorpSecret, used with corp-id when app-key/app-secret are not set.
	 */
	private @Nullable String corpSecret;

	/**
	 * AppKey (Client ID) of the internal app; wins over corp-id/corp-secret when both pairs are set.
	 */
	private @Nullable String appKey;

	/**
	 * AppSecret (Client Secret) of the internal app.
	 */
	private @Nullable String appSecret;

	/**
	 * AgentId of the app; needed for work notifications and dd.config.
	 */
	private @Nullable Long agentId;

	/**
	 * RobotCode of the app's robot, when the app has one.
	 */
	private @Nullable String robotCode;

	public @Nullable String getCorpId() {
		return this.corpId;
	}

	public void setCorpId(@Nullable String corpId) {
		this.corpId = corpId;
	}

	public @Nullable String getCorpSecret() {
		return this.corpSecret;
	}

	public void setCorpSecret(@Nullable String corpSecret) {
		this.corpSecret = corpSecret;
	}

	public @Nullable String getAppKey() {
		return this.appKey;
	}

	public void setAppKey(@Nullable String appKey) {
		this.appKey = appKey;
	}

	public @Nullable String getAppSecret() {
		return this.appSecret;
	}

	public void setAppSecret(@Nullable String appSecret) {
		this.appSecret = appSecret;
	}

	public @Nullable Long getAgentId() {
		return this.agentId;
	}

	public void setAgentId(@Nullable Long agentId) {
		this.agentId = agentId;
	}

	public @Nullable String getRobotCode() {
		return this.robotCode;
	}

	public void setRobotCode(@Nullable String robotCode) {
		this.robotCode = robotCode;
	}

	/**
	 * Whether app-key and app-secret are both set.
	 * @return whether the current credential pair is configured
	 */
	public boolean hasAppCredentials() {
		return StringUtils.hasText(this.appKey) && StringUtils.hasText(this.appSecret);
	}

	/**
	 * Whether corp-id and corp-secret are both set.
	 * @return whether the legacy credential pair is configured
	 */
	public boolean hasCorpCredentials() {
		return StringUtils.hasText(this.corpId) && StringUtils.hasText(this.corpSecret);
	}

	/**
	 * The credential keys for a {@code toString()}, secrets masked.
	 * @return the keys, comma separated
	 */
	protected final String credentialsToString() {
		return "corpId=" + this.corpId + ", corpSecret=" + DingTalkProperties.mask(this.corpSecret) + ", appKey="
				+ this.appKey + ", appSecret=" + DingTalkProperties.mask(this.appSecret) + ", agentId=" + this.agentId
				+ ", robotCode=" + this.robotCode;
	}

}
