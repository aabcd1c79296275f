package io.dingboot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of interactive and AI cards, bound from {@code dingtalk.card.*}.
 */
@ConfigurationProperties("dingtalk.card")
public class DingTalkCardProperties {

	private final Streaming streaming = new Streaming();

	public Streaming getStreaming() {
		return this.streaming;
	}

	/**
	 * Streaming text into AI cards.
	 */
	public static class Streaming {

		/**
		 * Most streaming updates one AI card stream sends per second (its final update aside);
		 * chunks arriving faster are sent together. DingTalk allows about 20 calls per second per
		 * app and API, shared by all cards streaming at once.
		 */
		private int maxUpdatesPerSecond = 2;

		public int getMaxUpdatesPerSecond() {
			return this.maxUpdatesPerSecond;
		}

		public void setMaxUpdatesPerSecond(int maxUpdatesPerSecond) {
			if (maxUpdatesPerSecond < 1) {
				throw InvalidDingTalkPropertyException.outOfRange("dingtalk.card.streaming.max-updates-per-second",
						maxUpdatesPerSecond, "1 or more", "set a positive number such as 2");
			}
			this.maxUpdatesPerSecond = maxUpdatesPerSecond;
		}

	}

}
