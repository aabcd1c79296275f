package io.dingboot.test;

import java.util.Objects;

/**
 * The DingTalk app a {@link FakeDingTalk} knows: the current credential pair ({@code appKey},
 * {@code appSecret}), the legacy pair ({@code corpId}, {@code corpSecret}) and the AgentId.
 * An app whose {@code corpSecret} is empty has no legacy pair. {@link #toString()} never shows a
 * secret.
 *
 * @param appKey the app key (Client ID)
 * @param appSecret the app secret (Client Secret)
 * @param corpId the organisation's CorpId
 * @param corpSecret the legacy corp secret
 * @param agentId the AgentId
 */
public record FakeApp(String appKey, String appSecret, String corpId, String corpSecret, long agentId) {

	public FakeApp {
		Objects.requireNonNull(appKey, "appKey");
		Objects.requireNonNull(appSecret, "appSecret");
		Objects.requireNonNull(corpId, "corpId");
		Objects.requireNonNull(corpSecret, "corpSecret");
	}

	/**
	 * An app with the current credential pair only (no legacy corp secret).
	 * @param appKey the app key (Client ID)
	 * @param appSecret the app secret (Client Secret)
	 * @param corpId the CorpId of the app's organisation
	 * @param agentId the AgentId
	 * @return the app
	 */
	public static FakeApp of(String appKey, String appSecret, String corpId, long agentId) {
		return new FakeApp(appKey, appSecret, corpId, "", agentId);
	}

	/**
	 * The demo app: app key {@code dingdemoappkey}, app secret {@code demo-app-secret}, corp id
	 * {@code dingdemocorp}, corp secret {@code demo-corp-secret}, agent id {@code 100001}.
	 * @return the demo app
	 */
	public static FakeApp demo() {
		return new FakeApp("dingdemoappkey", "demo-app-secret", "dingdemocorp", "demo-corp-secret", 100001L);
	}

	@Override
	public String toString() {
		return "FakeApp{appKey=" + this.appKey + ", corpId=" + this.corpId + ", agentId=" + this.agentId + "}";
	}

}
