package io.dingboot.test;

import java.util.List;

/**
 * {@code GET /call_back/get_call_back_failed_result}: the failed event pushes set with
 * {@link FakeDingTalk#setFailedCallbacks(List)}, at most 200 per call, each handed out once.
 */
final class CallbackEndpoints extends EndpointGroup {

	static final String FAILED = "/call_back/get_call_back_failed_result";

	CallbackEndpoints(FakeState state) {
		super("dingtalk-callbacks", state);
	}

	@Override
	List<String> paths() {
		return List.of(FAILED);
	}

	@Override
	Answer handle(FakeCall call) {
		List<?> failed = this.state.takeFailedCallbacks(200);
		return Answer.ok(call, Answer.fields("has_more", this.state.hasFailedCallbacks(), "failed_list", failed));
	}

}
