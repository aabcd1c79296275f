package io.dingboot.http;

import java.util.Map;

/**
 * Query parameters and headers that must never be logged or observed (the access token, the
 * credentials of {@code /gettoken}): they travel to {@link AccessTokenInterceptor} as a request
 * attribute and are put on the request at the last moment.
 *
 * @param query query parameters to add
 * @param headers headers to set
 */
record SecretParameters(Map<String, String> query, Map<String, String> headers) {

	static final SecretParameters NONE = new SecretParameters(Map.of(), Map.of());

	static SecretParameters query(Map<String, String> query) {
		return query.isEmpty() ? NONE : new SecretParameters(query, Map.of());
	}

	boolean isEmpty() {
		return this.query.isEmpty() && this.headers.isEmpty();
	}

	@Override
	public String toString() {
		return "SecretParameters" + this.query.keySet() + this.headers.keySet();
	}

}
