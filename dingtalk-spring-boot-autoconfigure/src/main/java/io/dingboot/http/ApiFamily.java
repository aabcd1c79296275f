package io.dingboot.http;

import tools.jackson.databind.json.JsonMapper;

/**
 * The conventions of a DingTalk API family: how bodies and answers are mapped, and what a
 * successful answer looks like.
 */
enum ApiFamily {

	/**
	 * The legacy server API ({@code oapi.dingtalk.com}): snake_case, HTTP 200 with an
	 * {@code errcode} on success and failure.
	 */
	LEGACY(DingTalkJson.mapper()),

	/**
	 * The v1.0 family ({@code api.dingtalk.com}): camelCase, a 2xx with the business fields only
	 * (possibly empty, possibly not an object) on success, an HTTP error status with
	 * <code>{"code","message","requestid"}</code> on failure.
	 */
	V1(DingTalkJson.v1Mapper());

	private final JsonMapper mapper;

	ApiFamily(JsonMapper mapper) {
		this.mapper = mapper;
	}

	JsonMapper mapper() {
		return this.mapper;
	}

}
