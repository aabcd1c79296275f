package io.dingboot.http;

import java.util.Map;

import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
import io.dingboot.token.AccessTokenProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls DingTalk's legacy server API with the app's access token. Every API group of DingBoot
 * goes through it, and so can an application for an endpoint DingBoot does not wrap yet:
 * <pre class="code">
 * JsonNode answer = client.execute(DingTalkRequest.post("/topapi/attendance/getsimplegroups")
 *     .body(Map.of("offset", 0, "size", 10)).idempotent(true).build());
 * </pre>
 * On a token-invalid answer (40014, 42001, 40001, also as {@code sub_code} under 88) it drops the
 * token if it is still the current one, fetches a new one and tries once more; never more.
 */
public final class DingTalkClient {

	private final DingTalkTransport transport;

	private final AccessTokenProvider tokens;

	private final JsonMapper mapper = DingTalkJson.mapper();

	public DingTalkClient(DingTalkTransport transport, AccessTokenProvider tokens) {
		this.transport = transport;
		this.tokens = tokens;
	}

	/**
	 * Send {@code request} and return DingTalk's JSON answer, its errcode checked.
	 * @param request the request
	 * @return the answer
	 * @throws DingTalkApiException when the call fails
	 */
	public JsonNode execute(DingTalkRequest request) {
		return withToken(request, this.transport::exchange);
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
		return withToken(request, (call, secretQuery) -> this.transport.exchange(call, secretQuery, field, type));
	}

	private <T> T withToken(DingTalkRequest request, Exchange<T> exchange) {
		if (!request.authenticated()) {
			return exchange.send(request, Map.of());
		}
		String token = this.tokens.getAccessToken();
		try {
			return exchange.send(request, Map.of("access_token", token));
		}
		catch (DingTalkApiException ex) {
			if (!ex.isTokenInvalid()) {
				throw ex;
			}
			this.tokens.invalidate(token);
			return exchange.send(request, Map.of("access_token", this.tokens.getAccessToken()));
		}
	}

	private <T> T convert(String path, JsonNode node, Class<T> type) {
		if (type.isInstance(node)) {
			return type.cast(node);
		}
		try {
			return this.mapper.treeToValue(node, type);
		}
		catch (JacksonException ex) {
			throw new DingTalkApiException(Kind.INVALID_RESPONSE, path, null, 200,
					"DingTalk " + path + " answered with fields DingBoot cannot map to " + type.getSimpleName(), null);
		}
	}

	@FunctionalInterface
	private interface Exchange<T> {

		T send(DingTalkRequest request, Map<String, String> secretQuery);

	}

}
