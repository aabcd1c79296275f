package io.dingboot.stream;

import org.jspecify.annotations.Nullable;

/**
 * Answers interactive-card callbacks (cards created with {@code callbackType: "STREAM"}) that
 * arrive over Stream mode. Declare one or more beans; the first non-null answer updates the card.
 * DingTalk waits at most 2 seconds: do slow work afterwards and update the card through the card
 * API then.
 */
@FunctionalInterface
public interface CardCallbackListener {

	/** Stream topic of card callbacks. */
	String TOPIC = "/v1.0/card/instances/callback";

	/**
	 * Handle one card callback.
	 * @param callback the callback
	 * @return the card update, or {@code null} to leave the card as it is
	 */
	@Nullable CardCallbackResponse onCardCallback(CardCallback callback);

}
