package io.dingboot.test.stream;

import java.util.Map;

import io.dingboot.stream.CardCallback;
import io.dingboot.stream.CardCallbackListener;
import io.dingboot.stream.CardCallbackResponse;

/**
 * Card callback listeners of the Stream tests.
 */
final class CardListeners {

	private CardListeners() {
	}

	/**
	 * Marks the card accepted when the action is {@code accept}.
	 */
	static class Accepting implements CardCallbackListener {

		@Override
		public CardCallbackResponse onCardCallback(CardCallback callback) {
			if (!"accept".equals(callback.params().get("action"))) {
				return null;
			}
			return new CardCallbackResponse(Map.of("status", "accepted"), Map.of("clicked", "true"), true, true);
		}

	}

}
