package io.dingboot.test;

import java.util.List;
import java.util.Map;

/**
 * Users and free login, each answered from the organisation of the app whose token came with the
 * call (a free-login code only with the token of the app that issued it):
 * {@code /topapi/v2/user/getuserinfo}, {@code /topapi/v2/user/get},
 * {@code /topapi/user/listid}, {@code /topapi/user/listsimple}, {@code /topapi/user/getbyunionid}.
 */
final class UserEndpoints extends EndpointGroup {

	static final String GETUSERINFO = "/topapi/v2/user/getuserinfo";

	static final String GET = "/topapi/v2/user/get";

	static final String LISTID = "/topapi/user/listid";

	static final String LISTSIMPLE = "/topapi/user/listsimple";

	static final String GETBYUNIONID = "/topapi/user/getbyunionid";

	UserEndpoints(FakeState state) {
		super("dingtalk-users", state);
	}

	@Override
	List<String> paths() {
		return List.of(GETUSERINFO, GET, LISTID, LISTSIMPLE, GETBYUNIONID);
	}

	@Override
	Answer handle(FakeCall call) {
		FakeOrganization organization = this.state.organizationOf(call);
		return switch (call.path()) {
			case GETUSERINFO -> userInfo(call);
			case GET -> {
				FakeUser user = organization.user(requiredText(call, "userid"))
					.orElseThrow(() -> new CallRejected(33012));
				yield Answer.ok(call, Map.of("result", UserViews.detail(user, organization)));
			}
			case LISTID -> {
				long deptId = existingDepartment(call);
				yield Answer.ok(call, Map.of("result",
						Map.of("userid_list", organization.members(deptId).stream().map(FakeUser::userid).toList())));
			}
			case LISTSIMPLE -> listSimple(call);
			default -> {
				FakeUser user = organization.userByUnionid(requiredText(call, "unionid"))
					.orElseThrow(() -> new CallRejected(60121));
				yield Answer.ok(call, Map.of("result", Answer.fields("contact_type", 0, "userid", user.userid())));
			}
		};
	}

	private Answer userInfo(FakeCall call) {
		FakeApps.Hosted app = this.state.appOf(call);
		String userid = this.state.authCodes.consume(app.name(), call.text("code"));
		FakeUser user = (userid != null) ? app.organization().user(userid).orElse(null) : null;
		if (user == null) {
			throw new CallRejected(40078);
		}
		return Answer.ok(call, Map.of("result", UserViews.userInfo(user)));
	}

	private Answer listSimple(FakeCall call) {
		long deptId = existingDepartment(call);
		Long cursor = call.number("cursor");
		Long size = call.number("size");
		if (size == null || size < 1 || size > 100) {
			throw new CallRejected(40069);
		}
		if (cursor == null || cursor < 0 || cursor > 100_000) {
			throw new CallRejected(40068);
		}
		List<FakeUser> members = this.state.organizationOf(call).members(deptId);
		int from = (int) Math.min(cursor, members.size());
		int to = (int) Math.min(from + size, members.size());
		Map<String, Object> result = Answer.fields("has_more", to < members.size());
		if (to < members.size()) {
			result.put("next_cursor", (long) to);
		}
		result.put("list", members.subList(from, to).stream()
			.map((user) -> Answer.fields("userid", user.userid(), "name", user.name()))
			.toList());
		return Answer.ok(call, Map.of("result", result));
	}

	private long existingDepartment(FakeCall call) {
		long deptId = requiredNumber(call, "dept_id");
		if (this.state.organizationOf(call).department(deptId).isEmpty()) {
			throw new CallRejected(60003);
		}
		return deptId;
	}

}
