package io.dingboot.http;

import java.net.URI;

import io.dingboot.DingTalkApiException;
import io.dingboot.token.AccessTokenProvider;
import tools.jackson.databind.JsonNode;

/**
 * Calls DingTalk's v1.0 family ({@code https://api.dingtalk.com}, {@code dingtalk.api-base-url})
 * with the app's access token in the header {@code x-acs-dingtalk-access-token}: any method, JSON
 * bodies and answers in the family's camelCase, path variables. It is the way to any v1.0 endpoint
 * DingBoot does not wrap:
 * <pre class="code">
 * JsonNode user = apiClient.execute(DingTalkRequest.get("/v1.0/contact/users/{unionId}", unionId).build());
 * </pre>
 * The bean of this type is the default app's; {@code DingTalkApp#apiClient()} is any app's. Same
 * token as the app's legacy {@link DingTalkClient}, same transport, retries and errors: a v1.0 error
 * (an HTTP status with <code>{"code","message","requestid"}</code>) is a
 * {@link DingTalkApiException} whose {@link DingTalkApiException#getCode() code} is DingTalk's;
 * {@code InvalidAuthentication} (HTTP 400) and HTTP 401 drop the token if it is still current, fetch
 * one and retry once; throttling ({@code Forbidden.AccessDenied.Qps*}, HTTP 429, ...) is retried
 * with backoff within {@code dingtalk.retry.*}. Any 2xx answer is a success; an empty one reads as an
 * empty object.
 */
public final class DingTalkApiClient {

	private final DingTalkClient client;

	/**
	 * A client of the v1.0 family at {@code apiBaseUrl}.
	 * @param transport the transport
	 * @param tokens the app's access tokens
	 * @param apiBaseUrl the v1.0 family's base URL, e.g. {@code https://api.dingtalk.com}
	 */
	public DingTalkApiClient(DingTalkTransport transport, AccessTokenProvider tokens, URI apiBaseUrl) {
		this.client = new DingTalkClient(transport, tokens, apiBaseUrl, TokenPlacement.ACS_TOKEN_HEADER);
	}

	/**
	 * Send {@code request} and return DingTalk's JSON answer.
	 * @param request the request
	 * @return the answer: an object, or whatever JSON a 2xx answer holds
	 * @throws DingTalkApiException when the call fails
	 */
	public JsonNode execute(DingTalkRequest request) {
		return this.client.execute(request);
	}

	/**
	 * Send {@code request} and map the answer to {@code type} (camelCase names).
	 * @param <T> the answer type
	 * @param request the request
	 * @param type the answer type
	 * @return the answer
	 * @throws DingTalkApiException when the call fails
	 */
	public <T> T execute(DingTalkRequest request, Class<T> type) {
		return this.client.execute(request, type);
	}

	/**
	 * Send {@code request} and map one field of the answer (such as {@code result}) to
	 * {@code type}.
	 * @param <T> the field type
	 * @param request the request
	 * @param field the field name
	 * @param type the field type
	 * @return the field, mapped
	 * @throws DingTalkApiException when the call fails
	 */
	public <T> T execute(DingTalkRequest request, String field, Class<T> type) {
		return this.client.execute(request, field, type);
	}

	/**
	 * This client as a {@link DingTalkClient} (the same base URL, token placement and conventions),
	 * for code written against {@code DingTalkClient}.
	 * @return the client
	 */
	public DingTalkClient client() {
		return this.client;
	}

	@Override
	public String toString() {
		return "DingTalkApiClient{" + this.client + "}";
	}

}
