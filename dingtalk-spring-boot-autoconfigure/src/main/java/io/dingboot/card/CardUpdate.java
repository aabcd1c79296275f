package io.dingboot.card;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * New data for a delivered card ({@code PUT /v1.0/card/instances}): public data, and data only one
 * user sees. By default only the keys given change ({@code updateCardDataByKey}); with
 * {@link #replaceAll()} the card's data is replaced as a whole.
 */
public final class CardUpdate {

	private final String outTrackId;

	private final Map<String, String> data = new LinkedHashMap<>();

	private final Map<String, Map<String, String>> privateData = new LinkedHashMap<>();

	private boolean byKey = true;

	private CardUpdate(String outTrackId) {
		Assert.hasText(outTrackId, "'outTrackId' must not be empty");
		this.outTrackId = outTrackId;
	}

	/**
	 * Start an update of a card.
	 * @param outTrackId the card's id
	 * @return the update
	 */
	public static CardUpdate of(String outTrackId) {
		return new CardUpdate(outTrackId);
	}

	/**
	 * Set public variables; values that are not strings are sent as JSON text.
	 * @param data the variables
	 * @return this update
	 */
	public CardUpdate data(Map<String, ?> data) {
		this.data.putAll(CardParams.strings(data));
		return this;
	}

	/**
	 * Set variables only {@code userId} sees.
	 * @param userId the user
	 * @param data the variables
	 * @return this update
	 */
	public CardUpdate privateData(String userId, Map<String, ?> data) {
		Assert.hasText(userId, "'userId' must not be empty");
		this.privateData.computeIfAbsent(userId, (key) -> new LinkedHashMap<>()).putAll(CardParams.strings(data));
		return this;
	}

	/**
	 * Replace the card's data as a whole instead of only the keys given.
	 * @return this update
	 */
	public CardUpdate replaceAll() {
		this.byKey = false;
		return this;
	}

	public String outTrackId() {
		return this.outTrackId;
	}

	Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("outTrackId", this.outTrackId);
		body.put("cardData", Map.of("cardParamMap", new LinkedHashMap<>(this.data)));
		if (!this.privateData.isEmpty()) {
			Map<String, Object> users = new LinkedHashMap<>();
			this.privateData.forEach((user, values) -> users.put(user, Map.of("cardParamMap", new LinkedHashMap<>(values))));
			body.put("privateData", users);
		}
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("updateCardDataByKey", this.byKey);
		options.put("updatePrivateDataByKey", this.byKey);
		body.put("cardUpdateOptions", options);
		return body;
	}

	@Override
	public String toString() {
		return "CardUpdate{" + this.outTrackId + ", keys=" + this.data.keySet() + "}";
	}

}
