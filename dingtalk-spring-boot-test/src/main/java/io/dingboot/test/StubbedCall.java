package io.dingboot.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A call the fake answered from a stub ({@link FakeDingTalk#stub(String, String)}).
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the path, without query
 * @param query the query parameters, {@code access_token} included
 * @param body the raw body, empty when there was none
 * @param receivedAt when the fake received it
 */
public record StubbedCall(String method, String path, Map<String, String> query, byte[] body, Instant receivedAt) {

	public StubbedCall {
		query = Map.copyOf(query);
	}

	/**
	 * The body as UTF-8 text.
	 * @return the text, empty when there was no body
	 */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * The body parsed as JSON.
	 * @return the JSON, a missing node when there was no body
	 * @throws IllegalStateException when the body is not JSON
	 */
	public JsonNode json() {
		if (this.body.length == 0) {
			return FakeCall.json.missingNode();
		}
		try {
			return FakeCall.json.readTree(this.body);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("The body of " + this.method + " " + this.path + " is not JSON", ex);
		}
	}

	@Override
	public String toString() {
		return "StubbedCall{" + this.method + " " + this.path + ", body=" + this.body.length + " bytes}";
	}

}
