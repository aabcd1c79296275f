package io.dingboot.callback;

import java.util.List;

/**
 * What {@link CallbackFailedResultApi#replayFailed()} did.
 *
 * @param delivered how many failed pushes were published and handled by every listener
 * @param duplicates how many were delivered already and not published again
 * @param failed the failed pushes whose listeners threw (or that lacked an event type); DingTalk
 * no longer lists them, so keep or retry them yourself with
 * {@link CallbackFailedResultApi#replay(FailedCallback)}
 * @param hasMore whether DingTalk still holds more failed pushes (more than the pages fetched)
 */
public record ReplayResult(int delivered, int duplicates, List<FailedCallback> failed, boolean hasMore) {

	public ReplayResult {
		failed = List.copyOf(failed);
	}

}
