package io.dingboot.card;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dingboot.DingTalkApiException;
import io.dingboot.V1ApiWireMock;
import io.dingboot.token.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CardStreamTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	static final V1ApiWireMock dingTalk = new V1ApiWireMock();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T08:00:00Z"));

	private CardApi cards;

	@BeforeEach
	void reset() {
		this.cards = new CardApi(dingTalk.reset(), "dingrobot", 2, this.clock);
		dingTalk.stub("PUT", CardApi.STREAMING, 200, "{\"success\":true,\"result\":true}");
	}

	@Test
	void chunksArrivingFasterThanTheRateAreCoalescedAndFinishSendsTheWholeTextOnce() {
		CardStream stream = this.cards.stream("card-1", "content");
		for (int i = 0; i < 100; i++) {
			stream.append("字" + i + " ");
		}
		stream.finish();
		List<JsonNode> updates = updates();
		// the first chunk at once, nothing else within the same half second, then the final update
		assertThat(updates).hasSize(2);
		assertThat(updates.get(0).get("content").asString()).isEqualTo("字0 ");
		assertThat(updates.get(1).get("content").asString()).isEqualTo(stream.text());
		assertThat(updates.get(1).get("isFinalize").asBoolean()).isTrue();
		assertThat(stream.updates()).isEqualTo(2);
	}

	@Test
	void everyUpdateCarriesTheCumulativeTextAsFullMarkdownWithAFreshGuid() {
		CardStream stream = this.cards.stream("card-1", "content");
		stream.append("# 标题\n");
		this.clock.advance(Duration.ofMillis(500));
		stream.append("第一段");
		this.clock.advance(Duration.ofMillis(500));
		stream.append("，第二段");
		stream.finish();
		List<JsonNode> updates = updates();
		assertThat(updates).extracting((update) -> update.get("content").asString())
			.containsExactly("# 标题\n", "# 标题\n第一段", "# 标题\n第一段，第二段", "# 标题\n第一段，第二段");
		assertThat(updates).allSatisfy((update) -> {
			assertThat(update.get("outTrackId").asString()).isEqualTo("card-1");
			assertThat(update.get("key").asString()).isEqualTo("content");
			assertThat(update.get("isFull").asBoolean()).isTrue();
			assertThat(update.get("isError").asBoolean()).isFalse();
		});
		assertThat(updates).extracting((update) -> update.get("isFinalize").asBoolean())
			.containsExactly(false, false, false, true);
		Set<String> guids = new HashSet<>();
		updates.forEach((update) -> guids.add(update.get("guid").asString()));
		assertThat(guids).hasSize(4).doesNotContain("");
		dingTalk.server()
			.verify(4, putRequestedFor(urlPathEqualTo("/v1.0/card/streaming"))
				.withHeader(V1ApiWireMock.TOKEN_HEADER, equalTo("t")));
	}

	@Test
	void overTenSecondsAtTwoUpdatesPerSecondAtMostTwentyIntermediateUpdatesGoOut() {
		CardStream stream = this.cards.stream("card-1", "content");
		for (int i = 0; i < 1000; i++) {
			stream.append("x");
			this.clock.advance(Duration.ofMillis(10));
		}
		stream.finish();
		List<JsonNode> updates = updates();
		assertThat(updates.size()).isLessThanOrEqualTo(21).isGreaterThanOrEqualTo(20);
		assertThat(updates.get(updates.size() - 1).get("content").asString()).hasSize(1000);
	}

	@Test
	void flushSendsPendingTextOnlyOnceTheIntervalHasPassed() {
		CardStream stream = this.cards.stream("card-1", "content");
		stream.append("a");
		stream.append("b");
		assertThat(stream.flush()).isFalse();
		this.clock.advance(Duration.ofMillis(500));
		assertThat(stream.flush()).isTrue();
		assertThat(stream.flush()).isFalse();
		assertThat(updates()).extracting((update) -> update.get("content").asString()).containsExactly("a", "ab");
	}

	@Test
	void failMarksTheCardFailedAndClosesTheStream() {
		CardStream stream = this.cards.stream("card-1", "content");
		stream.append("部分");
		stream.fail();
		List<JsonNode> updates = updates();
		assertThat(updates).hasSize(2);
		JsonNode last = updates.get(1);
		assertThat(last.get("isError").asBoolean()).isTrue();
		assertThat(last.get("isFinalize").asBoolean()).isFalse();
		assertThat(last.get("content").asString()).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> stream.append("more"));
		assertThatIllegalStateException().isThrownBy(stream::finish);
		assertThat(updates()).hasSize(2);
	}

	@Test
	void failedUpdateReachesTheCallerAndTheTextIsSentWithTheNextChunk() {
		dingTalk.stub("PUT", CardApi.STREAMING, 400,
				"{\"code\":\"param.stream.outTrackId\",\"requestid\":\"r\",\"message\":\"card is not exist\"}");
		CardStream stream = this.cards.stream("card-1", "content");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> stream.append("a"));
		dingTalk.stub("PUT", CardApi.STREAMING, 200, "{\"success\":true,\"result\":true}");
		this.clock.advance(Duration.ofSeconds(1));
		stream.append("b");
		assertThat(updates().get(updates().size() - 1).get("content").asString()).isEqualTo("ab");
	}

	private static List<JsonNode> updates() {
		List<LoggedRequest> requests = dingTalk.server().findAll(putRequestedFor(urlPathEqualTo(CardApi.STREAMING)));
		return requests.stream().map((request) -> json.readTree(request.getBodyAsString())).toList();
	}

}
