package io.dingboot.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code GET /gettoken}: checks the credentials of one of the hosted apps and issues access tokens,
 * one per app. Credentials are read from the query string only, as DingTalk does; its errors are
 * never wrapped in 88.
 */
final class TokenEndpoints extends EndpointGroup {

	static final String GETTOKEN = "/gettoken";

	TokenEndpoints(FakeState state) {
		super("dingtalk-tokens", state);
	}

	@Override
	List<String> paths() {
		return List.of(GETTOKEN);
	}

	@Override
	boolean needsToken() {
		return false;
	}

	@Override
	Answer handle(FakeCall call) {
		String appKey = blankToNull(call.query("appkey"));
		String corpId = blankToNull(call.query("corpid"));
		if (appKey != null) {
			FakeApps.Hosted hosted = this.state.apps.byAppKey(appKey);
			if (hosted != null) {
				this.state.countGettoken(hosted.name());
			}
			if (hosted != null && hosted.app().appSecret().equals(call.query("appsecret"))) {
				return issue(call, FakeApps.appKeyCredential(hosted));
			}
			throw new CallRejected(40096);
		}
		if (corpId != null) {
			FakeApps.Hosted hosted = this.state.apps.byCorpCredentials(corpId, call.query("corpsecret"));
			if (hosted != null) {
				this.state.countGettoken(hosted.name());
				return issue(call, FakeApps.corpCredential(hosted));
			}
			throw new CallRejected(40089);
		}
		throw new CallRejected(40035, "缺少参数 corpid or appkey");
	}

	private Answer issue(FakeCall call, String credential) {
		TokenRegistry.Issued token = this.state.tokens.issue(credential);
		return Answer.ok(call, Answer.fields("access_token", token.value(), "expires_in", this.state.tokens.lifetimeSeconds()));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
