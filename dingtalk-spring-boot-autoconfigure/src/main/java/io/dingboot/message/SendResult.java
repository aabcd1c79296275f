package io.dingboot.message;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What became of a work notification, from {@code getsendresult}. Lists DingTalk leaves out are
 * empty.
 *
 * @param invalidUserIdList userids that do not exist
 * @param forbiddenUserIdList users the app may not message
 * @param failedUserIdList users the message could not be delivered to
 * @param readUserIdList users who read it
 * @param unreadUserIdList users who have not read it
 * @param invalidDeptIdList department ids that do not exist
 * @param forbiddenList users who were not sent the message because of flow control, with the reason
 */
public record SendResult(List<String> invalidUserIdList, List<String> forbiddenUserIdList,
		List<String> failedUserIdList, List<String> readUserIdList, List<String> unreadUserIdList,
		List<Long> invalidDeptIdList, List<Forbidden> forbiddenList) {

	public SendResult {
		invalidUserIdList = orEmpty(invalidUserIdList);
		forbiddenUserIdList = orEmpty(forbiddenUserIdList);
		failedUserIdList = orEmpty(failedUserIdList);
		readUserIdList = orEmpty(readUserIdList);
		unreadUserIdList = orEmpty(unreadUserIdList);
		invalidDeptIdList = orEmpty(invalidDeptIdList);
		forbiddenList = orEmpty(forbiddenList);
	}

	private static <T> List<T> orEmpty(@Nullable List<T> list) {
		return (list != null) ? List.copyOf(list) : List.of();
	}

	/**
	 * A user the message was withheld from by flow control.
	 *
	 * @param code why: 143103/143104 too many per minute, 143105 daily per-user cap, 143106 same
	 * content again, 1430000 no receivers, 1430002 prohibited content, 1430003 OAPI protection,
	 * 1430004 executive protection, 143203–143206 the ISV variants
	 * @param count how many messages
	 * @param userid the user
	 */
	public record Forbidden(@Nullable String code, int count, @Nullable String userid) {

	}

}
