package io.dingboot.card;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Interactive cards and AI cards (v1.0 API family): create and deliver, update, and stream text into
 * an AI card. Cards delivered to groups and robot single chats go out as the app's robot
 * ({@code dingtalk.robot-code}) unless the request names another.
 */
public final class CardApi {

	static final String CREATE_AND_DELIVER = "/v1.0/card/instances/createAndDeliver";

	static final String UPDATE = "/v1.0/card/instances";

	static final String STREAMING = "/v1.0/card/streaming";

	/** Streaming updates per second of one {@link CardStream} when none is configured. */
	public static final int DEFAULT_MAX_UPDATES_PER_SECOND = 2;

	private final DingTalkClient apiClient;

	private final @Nullable String robotCode;

	private final Duration streamInterval;

	private final Clock clock;

	/**
	 * Create the API with {@value #DEFAULT_MAX_UPDATES_PER_SECOND} streaming updates per second.
	 * @param apiClient a client of the v1.0 family
	 * @param robotCode the robot to deliver as when a request names none, or {@code null}
	 */
	public CardApi(DingTalkClient apiClient, @Nullable String robotCode) {
		this(apiClient, robotCode, DEFAULT_MAX_UPDATES_PER_SECOND, Clock.systemUTC());
	}

	/**
	 * Create the API.
	 * @param apiClient a client of the v1.0 family
	 * @param robotCode the robot to deliver as when a request names none, or {@code null}
	 * @param maxUpdatesPerSecond the most streaming updates one {@link CardStream} sends per
	 * second (its final update aside)
	 * @param clock the clock that paces streams
	 */
	public CardApi(DingTalkClient apiClient, @Nullable String robotCode, int maxUpdatesPerSecond, Clock clock) {
		Assert.isTrue(maxUpdatesPerSecond >= 1, "'maxUpdatesPerSecond' must be at least 1");
		this.apiClient = apiClient;
		this.robotCode = StringUtils.hasText(robotCode) ? robotCode : null;
		this.streamInterval = Duration.ofNanos(1_000_000_000L / maxUpdatesPerSecond);
		this.clock = clock;
	}

	/**
	 * Create a card and deliver it. DingTalk answers HTTP 200 even when some places refused the
	 * card: they are in {@link CardDelivery#failures()}.
	 * @param request the card
	 * @return the card's id and the result per place
	 * @throws DingTalkApiException when the call fails, or a group or robot chat is a target and
	 * there is no robotCode
	 */
	public CardDelivery createAndDeliver(CardRequest request) {
		String code = StringUtils.hasText(request.robotCode()) ? request.robotCode() : this.robotCode;
		if (request.needsRobot() && code == null) {
			throw DingTalkApiException.invalidRequest(CREATE_AND_DELIVER, "no robotCode to deliver to groups and robot "
					+ "chats: set dingtalk.robot-code (or dingtalk.apps.<name>.robot-code), or name one in the request");
		}
		JsonNode answer = this.apiClient.execute(DingTalkRequest.post(CREATE_AND_DELIVER).body(request.body(code)).build());
		JsonNode result = answer.has("result") ? answer.path("result") : answer;
		List<CardDelivery.SpaceResult> results = new ArrayList<>();
		for (JsonNode delivered : result.path("deliverResults")) {
			results.add(new CardDelivery.SpaceResult(text(delivered, "spaceType"), text(delivered, "spaceId"),
					delivered.path("success").asBoolean(false), text(delivered, "carrierId"), text(delivered, "errorMsg")));
		}
		String outTrackId = text(result, "outTrackId");
		return new CardDelivery((outTrackId != null) ? outTrackId : request.outTrackId(), results);
	}

	/**
	 * Change a delivered card's data.
	 * @param update the new data
	 * @throws DingTalkApiException when the call fails
	 */
	public void update(CardUpdate update) {
		JsonNode answer = this.apiClient.execute(DingTalkRequest.put(UPDATE).body(update.body()).build());
		checkSuccess(UPDATE, answer);
	}

	/**
	 * Send one streaming update to an AI card's variable, with a fresh {@code guid}. Prefer a
	 * {@link CardStream}, which paces the updates.
	 * @param outTrackId the card
	 * @param key the streaming variable bound in the template
	 * @param content the content (the whole Markdown when {@code full})
	 * @param full whether {@code content} replaces the variable (required for Markdown) rather
	 * than being appended
	 * @param finalize whether this is the last update (the card shows "done")
	 * @param error whether the card is to show the failed state
	 * @throws DingTalkApiException when the call fails
	 */
	public void streamingUpdate(String outTrackId, String key, String content, boolean full, boolean finalize,
			boolean error) {
		Assert.hasText(outTrackId, "'outTrackId' must not be empty");
		Assert.hasText(key, "'key' must not be empty");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("outTrackId", outTrackId);
		body.put("guid", UUID.randomUUID().toString());
		body.put("key", key);
		body.put("content", content);
		body.put("isFull", full);
		body.put("isFinalize", finalize);
		body.put("isError", error);
		JsonNode answer = this.apiClient.execute(DingTalkRequest.put(STREAMING).body(body).build());
		checkSuccess(STREAMING, answer);
	}

	/**
	 * Start streaming text into an AI card's Markdown variable: feed it chunks (e.g. from a
	 * language model), then {@link CardStream#finish()} or {@link CardStream#fail()}.
	 * @param outTrackId the delivered card
	 * @param key the streaming variable bound in the template
	 * @return the stream
	 */
	public CardStream stream(String outTrackId, String key) {
		return new CardStream(this, outTrackId, key, this.streamInterval, this.clock);
	}

	private static void checkSuccess(String path, JsonNode answer) {
		JsonNode success = answer.get("success");
		if (success != null && success.isBoolean() && !success.asBoolean()) {
			throw DingTalkApiException.invalidResponse(path, 200, "DingTalk " + path + " answered success=false");
		}
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value == null || value.isNull() || value.isContainer()) ? null : value.asString();
	}

	@Override
	public String toString() {
		return "CardApi{robotCode=" + this.robotCode + ", streamInterval=" + this.streamInterval + "}";
	}

}
