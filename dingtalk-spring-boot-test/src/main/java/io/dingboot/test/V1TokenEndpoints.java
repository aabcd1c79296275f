package io.dingboot.test;

import java.util.List;

/**
 * {@code POST /v1.0/oauth2/accessToken} of the v1.0 family: the JSON body
 * <code>{"appKey":"...","appSecret":"..."}</code> gets HTTP 200
 * <code>{"accessToken":"...","expireIn":7200}</code>, wrong or missing credentials HTTP 400
 * <code>{"requestid":"...","code":"invalidClientIdOrSecret","message":"无效的clientId或者clientSecret"}</code>,
 * as DingTalk answers. The token is the one {@code /gettoken} issues for the same app key (asking
 * again while it is valid returns it and extends it), so it works on both families. Another method
 * than POST gets HTTP 405 (DingTalk's answer to it is not documented); a body that is not JSON gets
 * the fake's usual 400002.
 */
final class V1TokenEndpoints extends EndpointGroup {

	static final String ACCESS_TOKEN = "/v1.0/oauth2/accessToken";

	V1TokenEndpoints(FakeState state) {
		super("dingtalk-v1-tokens", state);
	}

	@Override
	List<String> paths() {
		return List.of(ACCESS_TOKEN);
	}

	@Override
	boolean needsToken() {
		return false;
	}

	@Override
	Answer handle(FakeCall call) {
		if (!"POST".equals(call.method())) {
			return Answer.v1Error(405, "MethodNotAllowed", "请求方法不支持: " + call.method());
		}
		String appKey = call.text("appKey");
		String appSecret = call.text("appSecret");
		FakeApps.Hosted hosted = (appKey != null) ? this.state.apps.byAppKey(appKey) : null;
		if (hosted == null || appSecret == null || !appSecret.equals(hosted.app().appSecret())) {
			return Answer.v1Error(400, "invalidClientIdOrSecret", "无效的clientId或者clientSecret");
		}
		TokenRegistry.Issued token = this.state.tokens.issue(FakeApps.appKeyCredential(hosted));
		return Answer.v1Ok(Answer.fields("accessToken", token.value(), "expireIn", this.state.tokens.lifetimeSeconds()));
	}

}
