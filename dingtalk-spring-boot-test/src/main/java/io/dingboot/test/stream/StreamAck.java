package io.dingboot.test.stream;

/**
 * One response frame a client sent for a pushed frame.
 *
 * @param messageId the echoed {@code headers.messageId}
 * @param code the {@code code}
 * @param message the {@code message}
 * @param data the {@code data} string, or {@code null} when absent
 * @param status the {@code status} inside {@code data} ({@code SUCCESS}/{@code LATER}) for events,
 * or {@code null}
 * @param connectionId the gateway's id of the connection that carried it
 * @param contentType the echoed {@code headers.contentType}
 */
public record StreamAck(String messageId, int code, String message, String data, String status,
		String connectionId, String contentType) {

	/**
	 * Whether this ack asks DingTalk to deliver the frame again ({@code LATER} or a code other
	 * than 200).
	 * @return whether the frame is redelivered
	 */
	public boolean isRetry() {
		return this.code != 200 || "LATER".equals(this.status);
	}

}
