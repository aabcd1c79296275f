package io.dingboot.test;

import java.util.List;

/**
 * Everything else: errcode 22 ({@code Invalid method}) on {@code /topapi}, errcode 404 elsewhere,
 * before any token check, as DingTalk answers.
 */
final class UnknownEndpoints extends EndpointGroup {

	UnknownEndpoints(FakeState state) {
		super("dingtalk-unknown", state);
	}

	@Override
	List<String> paths() {
		return List.of();
	}

	@Override
	boolean needsToken() {
		return false;
	}

	@Override
	Answer handle(FakeCall call) {
		if (call.isTopapi()) {
			return Answer.unknownApi(call);
		}
		return Answer.error(call, 404, "请求的URI地址不存在");
	}

}
