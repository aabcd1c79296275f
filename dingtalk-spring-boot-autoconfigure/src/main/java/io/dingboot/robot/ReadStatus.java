package io.dingboot.robot;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who has read a one-to-one robot message.
 *
 * @param sendStatus DingTalk's send status of the message, e.g. {@code SUCCESS}
 * @param reads one entry per recipient
 */
public record ReadStatus(@Nullable String sendStatus, List<Read> reads) {

	public ReadStatus {
		reads = List.copyOf(reads);
	}

	/**
	 * The userids of the recipients who read the message.
	 * @return the userids
	 */
	public List<String> readBy() {
		return this.reads.stream().filter(Read::read).map(Read::userId).toList();
	}

	/**
	 * One recipient.
	 *
	 * @param userId the userid
	 * @param name the name, when DingTalk gives it
	 * @param status DingTalk's read status, {@code READ} or {@code UNREAD}
	 * @param readAt when it was read, or {@code null}
	 */
	public record Read(String userId, @Nullable String name, String status, @Nullable Instant readAt) {

		/**
		 * Whether the recipient read the message.
		 * @return whether the status is {@code READ}
		 */
		public boolean read() {
			return "READ".equalsIgnoreCase(this.status);
		}

	}

}
