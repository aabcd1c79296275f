package io.dingboot.http;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Query parameters, headers and a JSON body that must never be logged or observed (the access
 * token, the credentials of {@code /gettoken} and of {@code /v1.0/oauth2/accessToken}): they
 * travel to {@link AccessTokenInterceptor} as a request attribute and are put on the request at
 * the last moment.
 *
 * @param query query parameters to add
 * @param headers headers to set
 * @param jsonBody fields of a JSON object to send as the body, or {@code null} to keep the body
 */
record SecretParameters(Map<String, String> query, Map<String, String> headers,
		@Nullable Map<String, String> jsonBody) {

	static final SecretParameters NONE = new SecretParameters(Map.of(), Map.of(), null);

	SecretParameters(Map<String, String> query, Map<String, String> headers) {
		this(query, headers, null);
	}

	static SecretParameters query(Map<String, String> query) {
		return query.isEmpty() ? NONE : new SecretParameters(query, Map.of());
	}

	/**
	 * A JSON object body of secret fields, such as <code>{"appKey":...,"appSecret":...}</code>.
	 * @param fields the fields, in order
	 * @return the parameters
	 */
	static SecretParameters jsonBody(Map<String, String> fields) {
		return new SecretParameters(Map.of(), Map.of(), fields);
	}

	boolean isEmpty() {
		return this.query.isEmpty() && this.headers.isEmpty() && this.jsonBody == null;
	}

	@Override
	public String toString() {
		return "SecretParameters" + this.query.keySet() + this.headers.keySet()
				+ ((this.jsonBody != null) ? this.jsonBody.keySet() : "");
	}

}
