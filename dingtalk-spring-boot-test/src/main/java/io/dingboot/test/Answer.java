package io.dingboot.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import org.jspecify.annotations.Nullable;

/**
 * What the fake answers to one call, in DingTalk's conventions: HTTP 200 with
 * {@code errcode}/{@code errmsg}, a {@code request_id} on {@code /topapi}, token and throttling
 * errors wrapped in errcode 88 there.
 */
final class Answer {

	static final String JSON = "application/json;charset=UTF-8";

	private final int status;

	private final byte[] body;

	private final String contentType;

	private final boolean reset;

	private final @Nullable String location;

	private Answer(int status, byte[] body, String contentType, boolean reset) {
		this(status, body, contentType, reset, null);
	}

	private Answer(int status, byte[] body, String contentType, boolean reset, @Nullable String location) {
		this.status = status;
		this.body = body;
		this.contentType = contentType;
		this.reset = reset;
		this.location = location;
	}

	/**
	 * An HTML page.
	 * @param status the status
	 * @param page the page
	 * @return the answer
	 */
	static Answer html(int status, String page) {
		return new Answer(status, page.getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8", false);
	}

	/**
	 * A {@code 302} redirect.
	 * @param location where to
	 * @return the answer
	 */
	static Answer redirect(String location) {
		return new Answer(302, new byte[0], "text/html;charset=UTF-8", false, location);
	}

	/**
	 * A success: {@code errcode 0, errmsg ok}, the fields, and a {@code request_id} on
	 * {@code /topapi}.
	 * @param call the call
	 * @param fields the answer's fields
	 * @return the answer
	 */
	static Answer ok(FakeCall call, Map<String, ?> fields) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errcode", 0);
		body.put("errmsg", "ok");
		body.putAll(fields);
		if (call.isTopapi() && body.containsKey("request_id")) {
			return new Answer(200, FakeCall.json.writeValueAsBytes(body), JSON, false);
		}
		return json(call, body);
	}

	/**
	 * A plain error: {@code errcode}, {@code errmsg}, and a {@code request_id} on {@code /topapi}.
	 * @param call the call
	 * @param errcode the code
	 * @param errmsg the message
	 * @return the answer
	 */
	static Answer error(FakeCall call, int errcode, String errmsg) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errcode", errcode);
		body.put("errmsg", errmsg);
		return json(call, body);
	}

	/**
	 * An error as DingTalk gives it: token and throttling codes on {@code /topapi} wrapped in 88
	 * with the code as {@code sub_code}, everything else plain.
	 * @param call the call
	 * @param errcode the code
	 * @param errmsg the message, {@code null} for DingTalk's usual one
	 * @return the answer
	 */
	static Answer dingTalkError(FakeCall call, int errcode, @Nullable String errmsg) {
		String message = (errmsg != null) ? errmsg : ErrorCodes.message(errcode);
		if (!call.isTopapi() || !ErrorCodes.isWrappedOnTopapi(errcode)) {
			return error(call, errcode, message);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errcode", 88);
		body.put("sub_code", String.valueOf(errcode));
		body.put("sub_msg", message);
		body.put("errmsg", "ding talk error[subcode=" + errcode + ",submsg=" + message + "]");
		return json(call, body);
	}

	/**
	 * Errcode 22, DingTalk's answer to an unknown {@code /topapi} path.
	 * @param call the call
	 * @return the answer
	 */
	static Answer unknownApi(FakeCall call) {
		String apiName = "dingtalk.oapi." + call.path().substring("/topapi/".length()).replace('/', '.');
		String subMsg = "不合法ApiName，ApiName = " + apiName;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errcode", 22);
		body.put("sub_msg", subMsg);
		body.put("errmsg", "Invalid method[submsg=" + subMsg + "]");
		return json(call, body);
	}

	/**
	 * Fields in the given order.
	 * @param namesAndValues name, value, name, value...
	 * @return the fields
	 */
	static Map<String, Object> fields(Object... namesAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

	/**
	 * A success of the v1.0 family: HTTP 200 with the business fields only.
	 * @param fields the answer's fields
	 * @return the answer
	 */
	static Answer v1Ok(Map<String, ?> fields) {
		return new Answer(200, FakeCall.json.writeValueAsBytes(fields), JSON, false);
	}

	/**
	 * An error of the v1.0 family: a non-2xx status with
	 * <code>{"code":...,"requestid":...,"message":...}</code>.
	 * @param status the HTTP status
	 * @param code the error code, e.g. {@code InvalidAuthentication}
	 * @param message the message
	 * @return the answer
	 */
	static Answer v1Error(int status, String code, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("requestid", RandomIds.v1RequestId());
		body.put("message", message);
		return new Answer(status, FakeCall.json.writeValueAsBytes(body), JSON, false);
	}

	/**
	 * Fields of a JSON object, in order.
	 * @param json the object's text
	 * @return the fields
	 * @throws IllegalArgumentException when the text is not a JSON object
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> parseObject(String json) {
		Object value;
		try {
			value = FakeCall.json.readValue(json, Object.class);
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw new IllegalArgumentException("Not JSON: " + ex.getOriginalMessage());
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("Not a JSON object: " + json);
		}
		return new LinkedHashMap<>((Map<String, Object>) map);
	}

	static Answer status(int status, String body) {
		String text = (body != null) ? body : "";
		String contentType = text.startsWith("{") ? JSON : "text/html;charset=UTF-8";
		return new Answer(status, text.getBytes(StandardCharsets.UTF_8), contentType, false);
	}

	static Answer connectionReset() {
		return new Answer(200, new byte[0], JSON, true);
	}

	private static Answer json(FakeCall call, Map<String, Object> body) {
		if (call.isTopapi()) {
			body.put("request_id", RandomIds.requestId());
		}
		return new Answer(200, FakeCall.json.writeValueAsBytes(body), JSON, false);
	}

	ResponseDefinition toDefinition(Duration latency) {
		ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition();
		if (this.reset) {
			builder.withFault(Fault.CONNECTION_RESET_BY_PEER);
		}
		else {
			builder.withStatus(this.status).withHeader("Content-Type", this.contentType).withBody(this.body);
			if (this.location != null) {
				builder.withHeader("Location", this.location);
			}
		}
		if (!latency.isZero()) {
			builder.withFixedDelay((int) Math.min(Integer.MAX_VALUE, latency.toMillis()));
		}
		return builder.build();
	}

}
