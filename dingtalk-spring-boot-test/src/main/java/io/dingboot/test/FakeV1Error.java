package io.dingboot.test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An error of DingTalk's v1.0 family ({@code api.dingtalk.com}) for
 * {@link FakeDingTalk#failNext(String, int, FakeV1Error)}: an HTTP status and
 * <code>{"code":"...","requestid":"...","message":"..."}</code>, with the codes and messages
 * DingTalk documents:
 * <pre class="code">
 * fake.failNext("/v1.0/contact/users/me", 1, FakeV1Error.qpsLimitForApi());
 * fake.failNext("/v1.0/contact/users/me", 1, FakeV1Error.permissionDenied("Contact.User.Read"));
 * </pre>
 * An expired or unknown token needs no planned error: {@link FakeDingTalk#expireAllTokens()} makes
 * every stubbed v1.0 path answer HTTP 400 {@code InvalidAuthentication} until a new token is fetched.
 *
 * @param status the HTTP status, 4xx or 5xx
 * @param code the {@code code}, e.g. {@code Forbidden.AccessDenied.QpsLimitForApi}
 * @param message the {@code message}
 * @param requiredScopes the permissions named in {@code accessdenieddetail.requiredScopes}, empty
 * for none
 */
public record FakeV1Error(int status, String code, String message, List<String> requiredScopes) {

	public FakeV1Error {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("status must be 4xx or 5xx, got " + status);
		}
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(message, "message");
		requiredScopes = List.copyOf(requiredScopes);
	}

	/**
	 * Any v1.0 error.
	 * @param status the HTTP status
	 * @param code the code
	 * @param message the message
	 * @return the error
	 */
	public static FakeV1Error of(int status, String code, String message) {
		return new FakeV1Error(status, code, message, List.of());
	}

	/**
	 * HTTP 400 {@code InvalidAuthentication} "不合法的access_token": an expired or unknown token.
	 * @return the error
	 */
	public static FakeV1Error invalidAuthentication() {
		return of(400, "InvalidAuthentication", "不合法的access_token");
	}

	/**
	 * HTTP 401 {@code InvalidAuthentication}: the token refused with 401, as some gateways answer.
	 * @return the error
	 */
	public static FakeV1Error unauthorized() {
		return of(401, "InvalidAuthentication", "不合法的access_token");
	}

	/**
	 * HTTP 403 {@code Forbidden.AccessDenied.QpsLimitForApi}: every app together called the API
	 * too often.
	 * @return the error
	 */
	public static FakeV1Error qpsLimitForApi() {
		return of(403, "Forbidden.AccessDenied.QpsLimitForApi", "当前接口所有调用方的调用次数超过了接口的QPS限制");
	}

	/**
	 * HTTP 403 {@code Forbidden.AccessDenied.QpsLimitForAppkeyAndApi}: this app called the API too
	 * often.
	 * @return the error
	 */
	public static FakeV1Error qpsLimitForAppkeyAndApi() {
		return of(403, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", "当前应用调用该接口的次数超过了QPS限制");
	}

	/**
	 * HTTP 403 {@code Forbidden.AccessDenied.AccessTokenPermissionDenied} with the missing
	 * permissions in {@code accessdenieddetail.requiredScopes}.
	 * @param requiredScopes the permissions, e.g. {@code Contact.User.Read}
	 * @return the error
	 */
	public static FakeV1Error permissionDenied(String... requiredScopes) {
		return new FakeV1Error(403, "Forbidden.AccessDenied.AccessTokenPermissionDenied",
				"没有调用该接口的权限，接口权限申请参考：https://open.dingtalk.com/document/orgapp-server/add-api-permission",
				Arrays.asList(requiredScopes));
	}

	/**
	 * HTTP 403 {@code Forbidden.AccessDenied.IpNotInWhiteList}.
	 * @return the error
	 */
	public static FakeV1Error ipNotInWhiteList() {
		return of(403, "Forbidden.AccessDenied.IpNotInWhiteList", "访问ip不在白名单之中");
	}

	/**
	 * HTTP 429 {@code system.busy}.
	 * @return the error
	 */
	public static FakeV1Error systemBusy() {
		return of(429, "system.busy", "system busy, request too frequest");
	}

	/**
	 * The answer's body, with a fresh {@code requestid}.
	 * @return the JSON body
	 */
	String toJson() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", this.code);
		body.put("requestid", RandomIds.v1RequestId());
		body.put("message", this.message);
		if (!this.requiredScopes.isEmpty()) {
			body.put("accessdenieddetail", Map.of("requiredScopes", this.requiredScopes));
		}
		return FakeCall.json.writeValueAsString(body);
	}

}
