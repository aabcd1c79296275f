package io.dingboot.user;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of {@code /topapi/user/listsimple}.
 *
 * @param hasMore whether another page follows
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 * @param list the users of this page
 */
public record SimpleUserPage(boolean hasMore, @Nullable Long nextCursor, List<SimpleUser> list) {

	public SimpleUserPage {
		list = (list != null) ? List.copyOf(list) : List.of();
	}

}
