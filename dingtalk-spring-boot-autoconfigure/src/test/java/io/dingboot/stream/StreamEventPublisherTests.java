package io.dingboot.stream;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link StreamEventPublisher#payload}: the Stream event normalised to the HTTP
 * callback's field names.
 */
class StreamEventPublisherTests {

	@Test
	void typeIdCorpAndTimeComeFromTheHeaders() {
		StreamFrame frame = new StreamFrame("EVENT", Map.of("messageId", "m1", "eventType", "user_add_org", "eventId",
				"e1", "eventCorpId", "dingcorp", "eventBornTime", "1683533823336"), "{\"userId\":[\"u1\"]}");
		ObjectNode payload = StreamEventPublisher.payload(frame);
		assertThat(payload.toString()).isEqualTo("{\"EventType\":\"user_add_org\",\"userId\":[\"u1\"],\"eventId\":\"e1\","
				+ "\"CorpId\":\"dingcorp\",\"EventTime\":\"1683533823336\"}");
	}

	@Test
	void timestampInTheDataWinsOverTheBornTime() {
		StreamFrame frame = new StreamFrame("EVENT", Map.of("messageId", "m1", "eventType", "org_change",
				"eventBornTime", "1"), "{\"timeStamp\":\"1685501863357\"}");
		assertThat(StreamEventPublisher.payload(frame).has("EventTime")).isFalse();
	}

	@Test
	void typeFromTheDataIsUsedWhenTheHeaderIsMissing() {
		StreamFrame frame = new StreamFrame("EVENT", Map.of("messageId", "m1"), "{\"eventType\":\"org_change\"}");
		assertThat(StreamEventPublisher.payload(frame).get("EventType").stringValue()).isEqualTo("org_change");
	}

	@Test
	void eventWithoutTypeOrWithDataThatIsNoObjectIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StreamEventPublisher.payload(new StreamFrame("EVENT", Map.of("messageId", "m"), "{}")))
			.withMessage("no eventType");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StreamEventPublisher
				.payload(new StreamFrame("EVENT", Map.of("messageId", "m", "eventType", "x"), "[1]")))
			.withMessage("data is not a JSON object");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StreamEventPublisher
				.payload(new StreamFrame("EVENT", Map.of("messageId", "m", "eventType", "x"), "{oops")))
			.withMessage("data is not JSON");
	}

}
