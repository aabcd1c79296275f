package io.dingboot.test;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.jspecify.annotations.Nullable;

/**
 * A WireMock transformer that answers one group of DingTalk endpoints from the fake's state.
 * Every call goes the same way: journal, planned fault, access token check, then the group's
 * {@link #handle(FakeCall)}. The fake registers one stub per path of {@link #paths()} that
 * names this transformer.
 */
abstract class EndpointGroup implements ResponseDefinitionTransformerV2 {

	static final String NEW_FAMILY_TOKEN_HEADER = "x-acs-dingtalk-access-token";

	protected final FakeState state;

	private final String name;

	EndpointGroup(String name, FakeState state) {
		this.name = name;
		this.state = state;
	}

	/**
	 * The paths this group answers.
	 * @return the paths
	 */
	abstract List<String> paths();

	/**
	 * Answer a call that passed the token check.
	 * @param call the call
	 * @return the answer
	 * @throws CallRejected to answer with a DingTalk error
	 */
	abstract Answer handle(FakeCall call);

	/**
	 * Whether calls need a valid {@code access_token}.
	 * @return {@code true} unless overridden
	 */
	boolean needsToken() {
		return true;
	}

	@Override
	public final ResponseDefinition transform(ServeEvent serveEvent) {
		FakeCall call = FakeCall.of(serveEvent.getRequest());
		this.state.journal.record(call.path());
		Stubs.Stub stub = this.state.stubs.find(call.method(), call.path());
		StubbedCall recorded = null;
		if (stub != null) {
			byte[] body = call.request().getBody();
			recorded = new StubbedCall(call.method(), call.path(), call.queryParameters(),
					(body != null) ? body : new byte[0], this.state.clock.instant());
			this.state.addStubbedCall(recorded);
		}
		Duration latency = this.state.faults.latency(call.path());
		return answer(call, stub, recorded).toDefinition(latency);
	}

	private Answer answer(FakeCall call, Stubs.@Nullable Stub stub, @Nullable StubbedCall recorded) {
		FaultPlan.Failure failure = this.state.faults.poll(call.path());
		if (failure instanceof FaultPlan.Failure.Errcode errcode) {
			return Answer.dingTalkError(call, errcode.errcode(), errcode.errmsg());
		}
		if (failure instanceof FaultPlan.Failure.Status status) {
			return Answer.status(status.status(), status.body());
		}
		if (failure instanceof FaultPlan.Failure.ConnectionReset) {
			return Answer.connectionReset();
		}
		if (stub != null && call.isNewFamily()) {
			Answer refused = checkNewFamilyToken(call);
			return (refused != null) ? refused : stub.answer(call, recorded);
		}
		try {
			if (stub != null) {
				checkToken(call);
				return stub.answer(call, recorded);
			}
			if (needsToken()) {
				checkToken(call);
			}
			if (!call.bodyValid()) {
				throw new CallRejected(400002, "无效的参数: 请求体不是JSON对象");
			}
			return handle(call);
		}
		catch (CallRejected ex) {
			return Answer.dingTalkError(call, ex.errcode(), ex.getMessage());
		}
		catch (NumberFormatException ex) {
			return Answer.dingTalkError(call, 400002, "无效的参数");
		}
	}

	private void checkToken(FakeCall call) {
		String token = call.text("access_token");
		if (token == null) {
			throw call.isTopapi() ? new CallRejected(40000) : new CallRejected(41001);
		}
		if (!this.state.tokens.isValid(token)) {
			throw new CallRejected(40014);
		}
	}

	private @Nullable Answer checkNewFamilyToken(FakeCall call) {
		String token = call.header(NEW_FAMILY_TOKEN_HEADER);
		if (token == null) {
			return Answer.v1Error(400, "AuthenticationFailed.MissingParameter",
					"缺少参数：" + NEW_FAMILY_TOKEN_HEADER);
		}
		if (!this.state.tokens.isValid(token)) {
			return Answer.v1Error(400, "InvalidAuthentication", "不合法的access_token");
		}
		return null;
	}

	/**
	 * A required numeric parameter.
	 * @param call the call
	 * @param name the parameter name
	 * @return the value
	 */
	static long requiredNumber(FakeCall call, String name) {
		Long value = call.number(name);
		if (value == null) {
			throw CallRejected.badParameter(name);
		}
		return value;
	}

	/**
	 * A required text parameter.
	 * @param call the call
	 * @param name the parameter name
	 * @return the value
	 */
	static String requiredText(FakeCall call, String name) {
		String value = call.text(name);
		if (value == null) {
			throw CallRejected.badParameter(name);
		}
		return value;
	}

	@Override
	public final String getName() {
		return this.name;
	}

	@Override
	public final boolean applyGlobally() {
		return false;
	}

}
