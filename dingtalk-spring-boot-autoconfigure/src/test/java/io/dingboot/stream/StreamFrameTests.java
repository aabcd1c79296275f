package io.dingboot.stream;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link StreamFrame}: the downstream frame and the response frame on the wire.
 */
class StreamFrameTests {

	private static final String EVENT = "{\"specVersion\":\"1.0\",\"type\":\"EVENT\",\"headers\":{\"topic\":\"dingTalk\","
			+ "\"messageId\":\"213d841d_972_1898bb26334_70a7\",\"contentType\":\"application/json\",\"time\":\"1693221579964\","
			+ "\"eventType\":\"user_add_org\",\"eventId\":\"c7c7120f2c07419ebdba0318c8\",\"eventCorpId\":\"ding9f50b15b16741\","
			+ "\"eventBornTime\":\"1683533823336\",\"eventUnifiedAppId\":\"bbb381b6-f01x58daac\"},"
			+ "\"data\":\"{\\\"timestamp\\\" : \\\"1685501863357\\\", \\\"userId\\\" : [\\\"015xxxx227\\\"]}\"}";

	@Test
	void eventFrameIsParsedWithStringHeadersAndDataKeptAsString() {
		StreamFrame frame = StreamFrame.parse(EVENT);
		assertThat(frame.type()).isEqualTo("EVENT");
		assertThat(frame.messageId()).isEqualTo("213d841d_972_1898bb26334_70a7");
		assertThat(frame.headers()).containsEntry("eventType", "user_add_org").containsEntry("time", "1693221579964");
		assertThat(frame.data()).isEqualTo("{\"timestamp\" : \"1685501863357\", \"userId\" : [\"015xxxx227\"]}");
	}

	@Test
	void successResponseIsTheDocumentedWireFormat() {
		StreamFrame frame = StreamFrame.parse(EVENT);
		assertThat(frame.response(200, "OK", "{\"status\":\"SUCCESS\",\"message\":\"success\"}")).isEqualTo(
				"{\"code\":200,\"headers\":{\"contentType\":\"application/json\",\"messageId\":\"213d841d_972_1898bb26334_70a7\"},"
						+ "\"message\":\"OK\",\"data\":\"{\\\"status\\\":\\\"SUCCESS\\\",\\\"message\\\":\\\"success\\\"}\"}");
	}

	@Test
	void responseIsExactlyWhatTheMapperWritesForTheSameFields() {
		String[] values = { "OK", "", "plain_id-1.2", "say \"hi\"", "back\\slash", "a/b", "中文", "tab\tnew\nline",
				"\u0001\u001f", "emoji \uD83D\uDE00", "{\"response\":{\"cardData\":{\"url\":\"https://x/y\"}}}", "\u007f" };
		for (String messageId : values) {
			for (String text : values) {
				Map<String, String> headers = new LinkedHashMap<>();
				headers.put("messageId", messageId);
				StreamFrame frame = new StreamFrame("EVENT", headers, "");
				assertThat(frame.response(500, text, text)).isEqualTo(tree(500, messageId, text, text));
				assertThat(frame.response(200, text, null)).isEqualTo(tree(200, messageId, text, null));
			}
		}
	}

	private static String tree(int code, String messageId, String message, String data) {
		ObjectNode response = StreamJson.MAPPER.createObjectNode();
		response.put("code", code);
		ObjectNode headers = response.putObject("headers");
		headers.put("contentType", "application/json");
		headers.put("messageId", messageId);
		response.put("message", message);
		if (data != null) {
			response.put("data", data);
		}
		return StreamJson.MAPPER.writeValueAsString(response);
	}

	@Test
	void errorResponseHasNoData() {
		StreamFrame frame = StreamFrame.parse(EVENT);
		assertThat(frame.response(404, "topic not exist", null)).isEqualTo(
				"{\"code\":404,\"headers\":{\"contentType\":\"application/json\",\"messageId\":\"213d841d_972_1898bb26334_70a7\"},"
						+ "\"message\":\"topic not exist\"}");
	}

	@Test
	void systemFrameWithoutSpecVersionAndWithMisspelledHeadersIsAccepted() {
		StreamFrame frame = StreamFrame.parse("{\"type\":\"SYSTEM\",\"header\":{\"topic\":\"ping\",\"messageId\":\"m1\"},"
				+ "\"data\":\"{\\\"opaque\\\" : \\\"123-dsfs\\\"}\"}");
		assertThat(frame.topic()).isEqualTo("ping");
		assertThat(frame.response(200, "OK", frame.data())).isEqualTo("{\"code\":200,\"headers\":{\"contentType\":"
				+ "\"application/json\",\"messageId\":\"m1\"},\"message\":\"OK\",\"data\":\"{\\\"opaque\\\" : \\\"123-dsfs\\\"}\"}");
	}

	@Test
	void dataSentAsObjectIsKeptAsItsJson() {
		StreamFrame frame = StreamFrame.parse("{\"type\":\"CALLBACK\",\"headers\":{\"messageId\":\"m2\",\"time\":1},"
				+ "\"data\":{\"msgId\":\"x\"}}");
		assertThat(frame.data()).isEqualTo("{\"msgId\":\"x\"}");
		assertThat(frame.headers()).containsEntry("time", "1");
	}

	@Test
	void unknownFieldsAndNonTextHeadersAreSkipped() {
		StreamFrame frame = StreamFrame.parse("{\"extra\":{\"a\":[1,{\"b\":2}]},\"type\":\"CALLBACK\",\"headers\":"
				+ "{\"messageId\":\"m\",\"x\":{\"a\":1},\"y\":null,\"z\":true,\"list\":[\"v\"]},\"data\":null}");
		assertThat(frame.type()).isEqualTo("CALLBACK");
		assertThat(frame.headers()).containsExactly(Map.entry("messageId", "m"), Map.entry("z", "true"));
		assertThat(frame.data()).isEmpty();
	}

	@Test
	void headersThatAreNotAnObjectDoNotFallBackToHeader() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StreamFrame.parse("{\"type\":\"EVENT\",\"headers\":null,\"header\":{\"messageId\":\"m\"}}"))
			.withMessage("no messageId");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StreamFrame.parse("{\"type\":\"\",\"headers\":{\"messageId\":\"m\"}}"))
			.withMessage("no type");
	}

	@Test
	void malformedFramesAreRefusedWithoutTheirText() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StreamFrame.parse("{\"type\":\"EVENT\",\"headers\":{\"messageId\":\"m\"}} {}"))
			.withMessage("not JSON");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StreamFrame.parse("{\"type\":\"EVENT\",\"headers\":{\"messageId\":\"m\"}"))
			.withMessage("not JSON");
		assertThatIllegalArgumentException().isThrownBy(() -> StreamFrame.parse("")).withMessage("not a JSON object");
		assertThatIllegalArgumentException().isThrownBy(() -> StreamFrame.parse("secret-payload {"))
			.withMessage("not JSON");
		assertThatIllegalArgumentException().isThrownBy(() -> StreamFrame.parse("[1]")).withMessage("not a JSON object");
		assertThatIllegalArgumentException().isThrownBy(() -> StreamFrame.parse("{\"headers\":{\"messageId\":\"m\"}}"))
			.withMessage("no type");
		assertThatIllegalArgumentException().isThrownBy(() -> StreamFrame.parse("{\"type\":\"EVENT\",\"headers\":{}}"))
			.withMessage("no messageId");
	}

}
