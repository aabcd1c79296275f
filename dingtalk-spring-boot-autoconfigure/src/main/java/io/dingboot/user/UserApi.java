package io.dingboot.user;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkParameters;
import io.dingboot.http.DingTalkRequest;
import org.springframework.util.StringUtils;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * DingTalk's user API (通讯录 users): the free-login code, user details, users of a department,
 * and unionid lookup. Every call is a read except {@link #getUserInfo(String)}, whose code is
 * single-use.
 */
public final class UserApi {

	static final String GET_USER_INFO = "/topapi/v2/user/getuserinfo";

	static final String GET = "/topapi/v2/user/get";

	static final String LIST_ID = "/topapi/user/listid";

	static final String LIST_SIMPLE = "/topapi/user/listsimple";

	static final String GET_BY_UNION_ID = "/topapi/user/getbyunionid";

	/** Largest page of {@code listsimple}. */
	public static final int MAX_PAGE_SIZE = 100;

	/** Largest cursor {@code listsimple} accepts. */
	public static final long MAX_CURSOR = 100_000;

	private final DingTalkClient client;

	public UserApi(DingTalkClient client) {
		this.client = client;
	}

	/**
	 * Turn a free-login (免登) auth code from the DingTalk client into the user it belongs to. A
	 * code is valid for five minutes and once only, so the call is never repeated.
	 * @param code the auth code from {@code dd.runtime.permission.requestAuthCode}
	 * @return the user
	 * @throws DingTalkApiException 40078 when the code is unknown, used or expired
	 */
	public UserInfo getUserInfo(String code) {
		if (!StringUtils.hasText(code)) {
			throw DingTalkApiException.invalidRequest(GET_USER_INFO, "the auth code is empty");
		}
		return this.client.execute(DingTalkRequest.post(GET_USER_INFO).body(Map.of("code", code)).build(), "result",
				UserInfo.class);
	}

	/**
	 * A user's details in Chinese.
	 * @param userid the user's id
	 * @return the user
	 * @throws DingTalkApiException 33012 (or 60121, 40003) when there is no such user
	 */
	public User get(String userid) {
		return get(userid, null);
	}

	/**
	 * A user's details.
	 * @param userid the user's id (at most 64 characters)
	 * @param language {@code zh_CN} or {@code en_US} as a {@link Locale} ({@code Locale.CHINA},
	 * {@code Locale.US}); {@code null} for DingTalk's default
	 * @return the user
	 */
	public User get(String userid, @Nullable Locale language) {
		if (!StringUtils.hasText(userid)) {
			throw DingTalkApiException.invalidRequest(GET, "the userid is empty");
		}
		if (userid.length() > 64) {
			throw DingTalkApiException.invalidRequest(GET, "a userid has at most 64 characters");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("userid", userid);
		body.put("language", DingTalkParameters.language(language));
		return this.client.execute(read(GET, body), "result", User.class);
	}

	/**
	 * The userids of a department's direct members.
	 * @param deptId the department id (root is 1)
	 * @return the userids
	 */
	public List<String> listIds(long deptId) {
		DingTalkParameters.checkDeptId(LIST_ID, deptId);
		JsonNode result = this.client.execute(read(LIST_ID, Map.of("dept_id", deptId)), "result", JsonNode.class);
		return result.path("userid_list").valueStream().map(JsonNode::asString).toList();
	}

	/**
	 * One page of a department's direct members, in DingTalk's default order.
	 * @param deptId the department id (root is 1)
	 * @param cursor where to start: 0, then the previous page's {@code nextCursor}
	 * @param size the page size, 1 to 100
	 * @return the page
	 */
	public SimpleUserPage listSimplePage(long deptId, long cursor, int size) {
		return listSimplePage(deptId, cursor, size, null, false, null);
	}

	/**
	 * One page of a department's direct members.
	 * @param deptId the department id (root is 1)
	 * @param cursor where to start: 0, then the previous page's {@code nextCursor}
	 * @param size the page size, 1 to 100
	 * @param order the order, or {@code null} for DingTalk's default
	 * @param containAccessLimit whether to include users whose visibility is restricted
	 * @param language {@code Locale.CHINA} or {@code Locale.US}, or {@code null}
	 * @return the page
	 */
	public SimpleUserPage listSimplePage(long deptId, long cursor, int size, @Nullable UserOrder order,
			boolean containAccessLimit, @Nullable Locale language) {
		DingTalkParameters.checkDeptId(LIST_SIMPLE, deptId);
		if (cursor < 0 || cursor > MAX_CURSOR) {
			throw DingTalkApiException.invalidRequest(LIST_SIMPLE, "cursor must be between 0 and " + MAX_CURSOR
					+ " but is " + cursor);
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw DingTalkApiException.invalidRequest(LIST_SIMPLE, "size must be between 1 and " + MAX_PAGE_SIZE
					+ " but is " + size);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("dept_id", deptId);
		body.put("cursor", cursor);
		body.put("size", size);
		if (order != null) {
			body.put("order_field", order.wireValue());
		}
		body.put("contain_access_limit", containAccessLimit);
		body.put("language", DingTalkParameters.language(language));
		return this.client.execute(read(LIST_SIMPLE, body), "result", SimpleUserPage.class);
	}

	/**
	 * All direct members of a department, fetched lazily 100 at a time as the stream is consumed.
	 * @param deptId the department id (root is 1)
	 * @return the users
	 */
	public Stream<SimpleUser> listSimple(long deptId) {
		DingTalkParameters.checkDeptId(LIST_SIMPLE, deptId);
		Iterator<SimpleUser> iterator = new PagingIterator(deptId);
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
				false);
	}

	/**
	 * The user a unionid (from OAuth2 login or another app) belongs to.
	 * @param unionid the unionid
	 * @return the userid and contact type
	 */
	public UnionIdUser getByUnionId(String unionid) {
		if (!StringUtils.hasText(unionid)) {
			throw DingTalkApiException.invalidRequest(GET_BY_UNION_ID, "the unionid is empty");
		}
		return this.client.execute(read(GET_BY_UNION_ID, Map.of("unionid", unionid)), "result", UnionIdUser.class);
	}

	private static DingTalkRequest read(String path, Map<String, Object> body) {
		Map<String, Object> present = new LinkedHashMap<>(body);
		present.values().removeIf(Objects::isNull);
		return DingTalkRequest.post(path).body(present).idempotent(true).build();
	}

	private final class PagingIterator implements Iterator<SimpleUser> {

		private final long deptId;

		private Iterator<SimpleUser> page = List.<SimpleUser>of().iterator();

		private @Nullable Long cursor = 0L;

		PagingIterator(long deptId) {
			this.deptId = deptId;
		}

		@Override
		public boolean hasNext() {
			while (!this.page.hasNext() && this.cursor != null) {
				SimpleUserPage next = listSimplePage(this.deptId, this.cursor, MAX_PAGE_SIZE);
				this.page = next.list().iterator();
				Long nextCursor = next.nextCursor();
				if (next.hasMore() && (nextCursor == null || nextCursor <= this.cursor)) {
					throw DingTalkApiException.invalidResponse(LIST_SIMPLE, 200, "DingTalk "
							+ LIST_SIMPLE + " said has_more but gave no next_cursor after " + this.cursor);
				}
				this.cursor = next.hasMore() ? nextCursor : null;
			}
			return this.page.hasNext();
		}

		@Override
		public SimpleUser next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.page.next();
		}

	}

}
