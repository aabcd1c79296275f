package io.dingboot.test;

import org.jspecify.annotations.Nullable;

/**
 * What a callback URL answered to {@link FakeDingTalk#pushEvent}.
 *
 * @param status the HTTP status
 * @param body the raw answer
 * @param reply the decrypted reply (normally {@code success}) when the answer carried an
 * {@code encrypt} whose {@code msg_signature} verified and whose owner key matched, otherwise
 * {@code null}
 */
public record CallbackPushResult(int status, String body, @Nullable String reply) {

	/**
	 * Whether the receiver accepted the event: HTTP 200 with the encrypted {@code success}.
	 * @return whether the push succeeded as DingTalk judges it
	 */
	public boolean isSuccess() {
		return this.status == 200 && "success".equals(this.reply);
	}

}
