package io.dingboot.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mappings of DingTalk's two API families: the legacy server API's ({@link #mapper()}:
 * snake_case names) and the v1.0 family's ({@link #v1Mapper()}: camelCase names); both leave
 * {@code null} fields out and ignore unknown fields. Independent of the application's own {@code JsonMapper}, since the
 * wire format is DingTalk's and not the application's.
 */
public final class DingTalkJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private static final JsonMapper V1_MAPPER = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private DingTalkJson() {
	}

	/**
	 * The shared mapper for DingTalk's wire format.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * The shared mapper for the v1.0 family's wire format ({@code api.dingtalk.com}): camelCase
	 * names as declared, {@code null} fields left out, unknown fields ignored.
	 * @return the mapper
	 */
	public static JsonMapper v1Mapper() {
		return V1_MAPPER;
	}

}
