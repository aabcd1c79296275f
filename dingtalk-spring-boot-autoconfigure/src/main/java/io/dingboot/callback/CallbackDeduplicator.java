package io.dingboot.callback;

import java.time.Duration;

/**
 * Remembers which pushes were handled, so that DingTalk's re-push of an event is acknowledged
 * without being delivered twice. A push is first claimed, then either completed (its listeners
 * succeeded: remembered for the dedupe window) or released (a listener failed: the re-push is
 * delivered again). While one push holds the claim, an identical push is told so and answered
 * with a non-success reply.
 * <p>
 * The default keeps everything in this instance's memory; an implementation backed by a shared
 * store (such as Redis: {@code SET key claimed NX PX}) makes several instances agree.
 */
public interface CallbackDeduplicator {

	/**
	 * Claim {@code key} for processing.
	 * @param key the push's key: the app's name, then the event id (or the signature, timestamp and
	 * nonce), e.g. {@code hr:event:dingcorp:c7c7...}; never a secret
	 * @param claimTimeout how long the claim holds if it is neither completed nor released
	 * @return {@link Claim#CLAIMED} when the caller now holds the claim, {@link Claim#IN_PROGRESS}
	 * when another caller holds it, {@link Claim#DONE} when the push was handled already
	 */
	Claim claim(String key, Duration claimTimeout);

	/**
	 * Mark {@code key} handled, for {@code window}.
	 * @param key the key
	 * @param window how long a re-push is recognised
	 */
	void complete(String key, Duration window);

	/**
	 * Drop the claim on {@code key} (its listeners failed), so that a re-push is delivered.
	 * @param key the key
	 */
	void release(String key);

	/**
	 * The state of a key, as seen by {@link #claim(String, Duration)}.
	 */
	enum Claim {

		/** The caller holds the claim and delivers the push. */
		CLAIMED,

		/** Another caller is delivering the same push now. */
		IN_PROGRESS,

		/** The push was delivered already. */
		DONE

	}

}
