package io.dingboot.callback;

import java.util.List;

/**
 * One page of pushes DingTalk failed to deliver. Fetching a page removes it at DingTalk.
 *
 * @param hasMore whether more failed pushes remain ({@code has_more})
 * @param failedList the failed pushes ({@code failed_list}, at most 200)
 */
public record FailedCallbacks(boolean hasMore, List<FailedCallback> failedList) {

	public FailedCallbacks {
		failedList = List.copyOf(failedList);
	}

}
