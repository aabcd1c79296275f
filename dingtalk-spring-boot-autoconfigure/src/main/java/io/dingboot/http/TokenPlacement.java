package io.dingboot.http;

import java.util.Map;

import org.springframework.util.Assert;

/**
 * Where a DingTalk API family takes the access token: the legacy server API
 * ({@code oapi.dingtalk.com}) in the query parameter {@code access_token}, the v1.0 family
 * ({@code api.dingtalk.com}) in the header {@code x-acs-dingtalk-access-token}. The token is added
 * after logging and observation have seen the request, so neither ever holds it.
 */
public final class TokenPlacement {

	/** The legacy server API's placement: query parameter {@code access_token}. */
	public static final TokenPlacement ACCESS_TOKEN_QUERY = query("access_token");

	/** The v1.0 family's placement: header {@code x-acs-dingtalk-access-token}. */
	public static final TokenPlacement ACS_TOKEN_HEADER = header("x-acs-dingtalk-access-token");

	private final String name;

	private final boolean header;

	private TokenPlacement(String name, boolean header) {
		Assert.hasText(name, "'name' must not be empty");
		this.name = name;
		this.header = header;
	}

	/**
	 * The token in the query parameter {@code name}.
	 * @param name the parameter name
	 * @return the placement
	 */
	public static TokenPlacement query(String name) {
		return new TokenPlacement(name, false);
	}

	/**
	 * The token in the header {@code name}.
	 * @param name the header name
	 * @return the placement
	 */
	public static TokenPlacement header(String name) {
		return new TokenPlacement(name, true);
	}

	boolean isHeader() {
		return this.header;
	}

	SecretParameters with(String token) {
		return this.header ? new SecretParameters(Map.of(), Map.of(this.name, token))
				: new SecretParameters(Map.of(this.name, token), Map.of());
	}

	@Override
	public String toString() {
		return (this.header ? "header " : "query parameter ") + this.name;
	}

}
