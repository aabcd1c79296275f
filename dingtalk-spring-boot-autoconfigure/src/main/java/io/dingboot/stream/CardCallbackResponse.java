package io.dingboot.stream;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How a card callback updates the card: the card's public variables, the acting user's private
 * variables, and whether only the given keys change. Card variable values are strings.
 *
 * @param cardData new public variables ({@code cardData.cardParamMap}), or {@code null}
 * @param userPrivateData new variables of the acting user ({@code userPrivateData.cardParamMap}),
 * or {@code null}
 * @param updateCardDataByKey whether only the given public keys change (the others are kept)
 * @param updatePrivateDataByKey whether only the given private keys change
 */
public record CardCallbackResponse(@Nullable Map<String, String> cardData,
		@Nullable Map<String, String> userPrivateData, boolean updateCardDataByKey, boolean updatePrivateDataByKey) {

	/**
	 * Change the given public variables, keeping the others.
	 * @param cardData the variables
	 * @return the response
	 */
	public static CardCallbackResponse cardData(Map<String, String> cardData) {
		return new CardCallbackResponse(Map.copyOf(cardData), null, true, true);
	}

	/**
	 * Change the given variables of the acting user, keeping the others.
	 * @param userPrivateData the variables
	 * @return the response
	 */
	public static CardCallbackResponse userPrivateData(Map<String, String> userPrivateData) {
		return new CardCallbackResponse(null, Map.copyOf(userPrivateData), true, true);
	}

}
