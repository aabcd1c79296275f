package io.dingboot.http;

import java.net.URI;

import io.dingboot.DingTalkApiException;
import io.dingboot.token.AccessTokenProvider;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Calls one DingTalk API family with the app's access token: by default the legacy server API
 * ({@code dingtalk.base-url}, token in the query parameter {@code access_token}). Every API group of
 * DingBoot goes through it, and so can an application for an endpoint DingBoot does not wrap yet:
 * <pre class="code">
 * JsonNode answer = client.execute(DingTalkRequest.post("/topapi/attendance/getsimplegroups")
 *     .body(Map.of("offset", 0, "size", 10)).idempotent(true).build());
 * </pre>
 * The v1.0 family ({@code dingtalk.api-base-url}, token in the header
 * {@code x-acs-dingtalk-access-token}) is another instance on the same transport and token, best
 * reached as {@link DingTalkApiClient} (a bean for the default app, {@code DingTalkApp#apiClient()}
 * for any app), or built as {@code new DingTalkClient(transport, tokens,
 * URI.create("https://api.dingtalk.com"), TokenPlacement.ACS_TOKEN_HEADER)}. A client whose token goes in a header speaks the v1.0
 * conventions: camelCase JSON bodies and answers, any 2xx answer (an empty one reads as an empty
 * object), errors as an HTTP status with <code>{"code","message","requestid"}</code>:
 * <pre class="code">
 * JsonNode user = apiClient.execute(DingTalkRequest.get("/v1.0/contact/users/{unionId}", unionId).build());
 * </pre>
 * <p>
 * On a token-invalid answer (40014, 42001, 40001, also as {@code sub_code} under 88; on the v1.0
 * family {@code InvalidAuthentication} with HTTP 400, or HTTP 401) it drops the
 * token if it is still the current one, fetches a new one and tries once more; never more. This is
 * not left to Spring Framework's {@code RetryTemplate}: the second attempt needs a new token fetched
 * (and the old one invalidated only if it is still current) between the two, and must not back off.
 */
public final class DingTalkClient {

	private final DingTalkTransport transport;

	private final AccessTokenProvider tokens;

	private final @Nullable URI baseUrl;

	private final TokenPlacement tokenPlacement;

	private final ApiFamily family;

	/**
	 * A client of the legacy server API at the transport's base URL.
	 * @param transport the transport
	 * @param tokens the access tokens
	 */
	public DingTalkClient(DingTalkTransport transport, AccessTokenProvider tokens) {
		this(transport, tokens, null, TokenPlacement.ACCESS_TOKEN_QUERY);
	}

	/**
	 * A client of the API family at {@code baseUrl} that takes the token as {@code tokenPlacement}
	 * says.
	 * @param transport the transport
	 * @param tokens the access tokens
	 * @param baseUrl the family's base URL, or {@code null} for the transport's
	 * @param tokenPlacement where the family takes the access token
	 */
	public DingTalkClient(DingTalkTransport transport, AccessTokenProvider tokens, @Nullable URI baseUrl,
			TokenPlacement tokenPlacement) {
		this.transport = transport;
		this.tokens = tokens;
		this.baseUrl = baseUrl;
		this.tokenPlacement = tokenPlacement;
		this.family = tokenPlacement.isHeader() ? ApiFamily.V1 : ApiFamily.LEGACY;
	}

	/**
	 * Send {@code request} and return DingTalk's JSON answer, its errcode checked.
	 * @param request the request
	 * @return the answer
	 * @throws DingTalkApiException when the call fails
	 */
	public JsonNode execute(DingTalkRequest request) {
		return withToken(request, (call, secrets) -> this.transport.exchange(call, secrets, this.family));
	}

	/**
	 * Send {@code request} and map the answer to {@code type}.
	 * @param <T> the answer type
	 * @param request the request
	 * @param type the answer type
	 * @return the answer
	 */
	public <T> T execute(DingTalkRequest request, Class<T> type) {
		return convert(request.path(), execute(request), type);
	}

	/**
	 * Send {@code request} and map one field of the answer (such as {@code result}) to
	 * {@code type}.
	 * @param <T> the field type
	 * @param request the request
	 * @param field the field name
	 * @param type the field type
	 * @return the field, mapped
	 */
	public <T> T execute(DingTalkRequest request, String field, Class<T> type) {
		DingTalkTransport.AnswerReader<T> reader = this.transport.fieldReader(field, type, this.family);
		return withToken(request, (call, secrets) -> this.transport.exchange(call, secrets, reader, this.family));
	}

	private <T> T withToken(DingTalkRequest request, Exchange<T> exchange) {
		URI base = this.baseUrl;
		DingTalkRequest call = (base != null && request.baseUrl() == null) ? request.withBaseUrl(base) : request;
		if (!call.authenticated()) {
			return exchange.send(call, SecretParameters.NONE);
		}
		String token = this.tokens.getAccessToken();
		try {
			return exchange.send(call, this.tokenPlacement.with(token));
		}
		catch (DingTalkApiException ex) {
			if (!ex.isTokenInvalid()) {
				throw ex;
			}
			this.tokens.invalidate(token);
			return exchange.send(call, this.tokenPlacement.with(this.tokens.getAccessToken()));
		}
	}

	private <T> T convert(String path, JsonNode node, Class<T> type) {
		if (type.isInstance(node)) {
			return type.cast(node);
		}
		try {
			return this.family.mapper().treeToValue(node, type);
		}
		catch (JacksonException ex) {
			throw DingTalkApiException.invalidResponse(path, 200,
					"DingTalk " + path + " answered with fields DingBoot cannot map to " + type.getSimpleName());
		}
	}

	@Override
	public String toString() {
		return "DingTalkClient{" + ((this.baseUrl != null) ? this.baseUrl + ", " : "") + "token in "
				+ this.tokenPlacement + "}";
	}

	@FunctionalInterface
	private interface Exchange<T> {

		T send(DingTalkRequest request, SecretParameters secrets);

	}

}
