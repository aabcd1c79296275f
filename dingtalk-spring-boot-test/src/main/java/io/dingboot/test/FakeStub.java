package io.dingboot.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Sets what the fake answers on an endpoint DingBoot does not wrap, for calls an application makes
 * through {@code DingTalkClient.execute(DingTalkRequest)}; made by
 * {@link FakeDingTalk#stub(String, String)}:
 * <pre class="code">
 * fake.stub("POST", "/topapi/attendance/getsimplegroups")
 *     .answer(Map.of("result", Map.of("groups", List.of(Map.of("group_id", 1, "group_name", "白班")))));
 * </pre>
 * The access token is checked first, as on every other endpoint: on legacy paths a missing or
 * invalid {@code access_token} gets DingTalk's error (88 with {@code sub_code} 40000/40014 on
 * {@code /topapi}, 41001/40014 elsewhere); on the new family ({@code /v1.0/...},
 * {@code /v2.0/...}) the token is the {@code x-acs-dingtalk-access-token} header, and a missing or
 * invalid one gets HTTP 400 {@code AuthenticationFailed.MissingParameter} /
 * {@code InvalidAuthentication}. Planned faults ({@link FakeDingTalk#failNext}) come before the
 * stub; on the new family use {@link FakeDingTalk#failNextWithStatus}, since {@code failNext}
 * answers in the legacy format. Every call is counted ({@link FakeDingTalk#callCount(String)}) and kept
 * ({@link FakeDingTalk#stubbedCalls(String)}). A later stub for the same method and path replaces
 * the earlier one; {@link FakeDingTalk#reset()} removes them all.
 */
public final class FakeStub {

	/** The method of a stub that answers every HTTP method. */
	public static final String ANY_METHOD = "*";

	private final Stubs stubs;

	private final String method;

	private final String path;

	FakeStub(Stubs stubs, String method, String path) {
		this.stubs = stubs;
		this.method = method;
		this.path = path;
	}

	/**
	 * Answer with these fields: on legacy paths merged after {@code "errcode":0,"errmsg":"ok"} (a
	 * field of the same name wins) with a {@code request_id} on {@code /topapi}; on the new family,
	 * the fields alone with HTTP 200.
	 * @param fields the answer's fields, values as Jackson writes them (maps, lists, records...)
	 */
	public void answer(Map<String, ?> fields) {
		Map<String, ?> copy = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
		answerWith((call) -> copy);
	}

	/**
	 * Like {@link #answer(Map)} with the fields of a JSON object.
	 * @param json a JSON object, e.g. <code>{"result":{"groups":[]}}</code>
	 * @throws IllegalArgumentException when {@code json} is not a JSON object
	 */
	public void answerJson(String json) {
		Map<String, Object> fields = Answer.parseObject(Objects.requireNonNull(json, "json"));
		answerWith((call) -> fields);
	}

	/**
	 * Answer each call with fields made from it, as {@link #answer(Map)} does.
	 * @param answer makes the fields from the call
	 */
	public void answerWith(Function<StubbedCall, Map<String, ?>> answer) {
		Objects.requireNonNull(answer, "answer");
		this.stubs.put(this.method, this.path, (call, recorded) -> {
			Map<String, ?> fields = answer.apply(recorded);
			return call.isNewFamily() ? Answer.v1Ok(fields) : Answer.ok(call, fields);
		});
	}

	/**
	 * Answer with a DingTalk errcode (legacy paths): HTTP 200 with {@code errcode}/{@code errmsg},
	 * wrapped in 88 with {@code sub_code} on {@code /topapi} for token and throttling codes.
	 * @param errcode the code, e.g. {@code 60011}
	 * @throws IllegalStateException on a {@code /v1.0/} path; use {@link #error(int, String, String)}
	 */
	public void errcode(int errcode) {
		errcode(errcode, null);
	}

	/**
	 * Like {@link #errcode(int)} with a chosen {@code errmsg}.
	 * @param errcode the code
	 * @param errmsg the message, {@code null} for DingTalk's usual one
	 */
	public void errcode(int errcode, @Nullable String errmsg) {
		if (FakeCall.isNewFamily(this.path)) {
			throw new IllegalStateException(this.path + " belongs to the v1.0 family, which answers errors with an "
					+ "HTTP status: use error(status, code, message)");
		}
		this.stubs.put(this.method, this.path, (call, recorded) -> Answer.dingTalkError(call, errcode, errmsg));
	}

	/**
	 * Answer with an error of the new family: HTTP {@code status} and
	 * <code>{"code":...,"requestid":...,"message":...}</code>.
	 * @param status the HTTP status, e.g. {@code 400} or {@code 403}
	 * @param code the error code, e.g. {@code Forbidden.AccessDenied.QpsLimitForApi}
	 * @param message the message
	 */
	public void error(int status, String code, String message) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("status must be 4xx or 5xx, got " + status);
		}
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(message, "message");
		this.stubs.put(this.method, this.path, (call, recorded) -> Answer.v1Error(status, code, message));
	}

	/**
	 * Answer with an HTTP status and a raw body, on any path (a gateway's HTML page, say).
	 * @param status the HTTP status
	 * @param body the body; JSON when it starts with <code>{</code>, HTML otherwise
	 */
	public void status(int status, String body) {
		this.stubs.put(this.method, this.path, (call, recorded) -> Answer.status(status, body));
	}

	@Override
	public String toString() {
		return "FakeStub{" + this.method + " " + this.path + "}";
	}

}
