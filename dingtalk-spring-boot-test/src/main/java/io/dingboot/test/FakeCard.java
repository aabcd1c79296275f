package io.dingboot.test;

import java.util.List;
import java.util.Map;

/**
 * A card as the fake keeps it: what was created, where it went, its data now, and the streaming
 * updates it received (a snapshot: later calls do not change it).
 *
 * @param outTrackId the card's id
 * @param cardTemplateId its template
 * @param openSpaceId where it was delivered, as sent
 * @param callbackType {@code STREAM}, {@code HTTP} or {@code null}
 * @param data the public data ({@code cardParamMap}) now, streamed variables included
 * @param privateData the data per user
 * @param status the AI card state: {@code PROCESSING} until the first streaming update,
 * {@code INPUTING} while streaming, {@code FINISHED} after {@code isFinalize}, {@code FAILED} after
 * {@code isError}
 * @param deliveries the result per place
 * @param streamingUpdates the streaming updates received, oldest first
 * @param updates how many times {@code PUT /v1.0/card/instances} changed it
 */
public record FakeCard(String outTrackId, String cardTemplateId, String openSpaceId, String callbackType,
		Map<String, String> data, Map<String, Map<String, String>> privateData, String status,
		List<Delivery> deliveries, List<StreamingUpdate> streamingUpdates, int updates) {

	/** Delivered, no streaming update yet (处理中). */
	public static final String PROCESSING = "PROCESSING";

	/** Streaming (输入中). */
	public static final String INPUTING = "INPUTING";

	/** Finalised (完成). */
	public static final String FINISHED = "FINISHED";

	/** Failed (失败). */
	public static final String FAILED = "FAILED";

	/**
	 * The current value of one variable.
	 * @param key the variable
	 * @return its value, or {@code null}
	 */
	public String value(String key) {
		return this.data.get(key);
	}

	/**
	 * The delivery to one place.
	 *
	 * @param spaceType e.g. {@code IM_GROUP}
	 * @param spaceId the group or user
	 * @param success whether it arrived
	 * @param errorMsg why not, or {@code null}
	 */
	public record Delivery(String spaceType, String spaceId, boolean success, String errorMsg) {
	}

	/**
	 * One call of {@code PUT /v1.0/card/streaming}.
	 *
	 * @param guid its guid
	 * @param key the variable
	 * @param content the content sent
	 * @param full {@code isFull}
	 * @param finalized {@code isFinalize}
	 * @param error {@code isError}
	 */
	public record StreamingUpdate(String guid, String key, String content, boolean full, boolean finalized,
			boolean error) {
	}

}
