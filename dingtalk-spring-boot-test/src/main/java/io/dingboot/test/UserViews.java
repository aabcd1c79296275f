package io.dingboot.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders {@link FakeUser}s and {@link FakeDepartment}s the way DingTalk's answers show them.
 */
final class UserViews {

	private UserViews() {
	}

	/**
	 * The {@code result} of {@code /topapi/v2/user/getuserinfo}.
	 * @param user the user
	 * @return the fields
	 */
	static Map<String, Object> userInfo(FakeUser user) {
		return Answer.fields("userid", user.userid(), "unionid", user.unionid(), "associated_unionid", "",
				"device_id", RandomIds.hex(32), "sys", user.admin(), "sys_level", user.sysLevel(), "name",
				user.name());
	}

	/**
	 * The {@code result} of {@code /topapi/v2/user/get}; fields without a value are left out.
	 * @param user the user
	 * @param organization the organisation
	 * @return the fields
	 */
	static Map<String, Object> detail(FakeUser user, FakeOrganization organization) {
		Map<String, Object> result = Answer.fields("userid", user.userid(), "unionid", user.unionid(), "name",
				user.name());
		putIfSet(result, "avatar", user.avatar());
		putIfSet(result, "state_code", user.stateCode());
		putIfSet(result, "manager_userid", user.managerUserid());
		putIfSet(result, "mobile", user.mobile());
		result.put("hide_mobile", user.hideMobile());
		putIfSet(result, "telephone", user.telephone());
		putIfSet(result, "job_number", user.jobNumber());
		putIfSet(result, "title", user.title());
		putIfSet(result, "email", user.email());
		putIfSet(result, "work_place", user.workPlace());
		putIfSet(result, "remark", user.remark());
		putIfSet(result, "login_id", user.loginId());
		result.put("exclusive_account", false);
		putIfSet(result, "org_email", user.orgEmail());
		result.put("dept_id_list", user.deptIds());
		List<Map<String, Object>> orders = new ArrayList<>();
		List<Map<String, Object>> leaders = new ArrayList<>();
		List<Map<String, Object>> positions = new ArrayList<>();
		for (Long deptId : user.deptIds()) {
			int index = organization.members(deptId).indexOf(user);
			orders.add(Answer.fields("dept_id", deptId, "order", 176_000_000L + index));
			leaders.add(Answer.fields("dept_id", deptId, "leader", user.leaderInDepts().contains(deptId)));
			Map<String, Object> position = Answer.fields("dept_id", deptId, "is_main", positions.isEmpty());
			putIfSet(position, "title", user.title());
			putIfSet(position, "work_place", user.workPlace());
			positions.add(position);
		}
		result.put("dept_order_list", orders);
		putIfSet(result, "extension", user.extension());
		putIfSet(result, "hired_date", user.hiredDate());
		result.put("active", user.active());
		result.put("real_authed", user.realAuthed());
		result.put("senior", user.senior());
		result.put("admin", user.admin());
		result.put("boss", user.boss());
		result.put("leader_in_dept", leaders);
		result.put("role_list", user.roles().stream()
			.map((role) -> Answer.fields("id", role.id(), "name", role.name(), "group_name", role.groupName()))
			.toList());
		result.put("dept_position_list", positions);
		return result;
	}

	/**
	 * An item of {@code /topapi/v2/department/listsub}.
	 * @param department the department
	 * @return the fields
	 */
	static Map<String, Object> department(FakeDepartment department) {
		Map<String, Object> result = Answer.fields("dept_id", department.id(), "name", department.name());
		putIfSet(result, "parent_id", department.parentId());
		result.put("create_dept_group", department.createDeptGroup());
		result.put("auto_add_user", department.autoAddUser());
		putIfSet(result, "source_identifier", department.sourceIdentifier());
		return result;
	}

	/**
	 * The {@code result} of {@code /topapi/v2/department/get}.
	 * @param department the department
	 * @param organization the organisation
	 * @return the fields
	 */
	static Map<String, Object> departmentDetail(FakeDepartment department, FakeOrganization organization) {
		Map<String, Object> result = department(department);
		List<String> managers = organization.members(department.id()).stream()
			.filter((user) -> user.leaderInDepts().contains(department.id()))
			.map(FakeUser::userid)
			.toList();
		long members = organization.users().stream()
			.filter((user) -> user.deptIds().stream().anyMatch(organization.subtree(department.id())::contains))
			.count();
		result.put("tags", "");
		result.put("from_union_org", false);
		result.put("order", department.order());
		result.put("group_contain_sub_dept", false);
		if (!managers.isEmpty()) {
			result.put("org_dept_owner", managers.get(0));
		}
		result.put("dept_manager_userid_list", managers);
		result.put("outer_dept", false);
		result.put("outer_permit_depts", List.of());
		result.put("outer_permit_users", List.of());
		result.put("hide_dept", false);
		result.put("user_permits", List.of());
		result.put("dept_permits", List.of());
		result.put("auto_approve_apply", false);
		result.put("member_count", members);
		result.put("owning_member_count", organization.members(department.id()).size());
		return result;
	}

	private static void putIfSet(Map<String, Object> result, String name, Object value) {
		if (value != null) {
			result.put(name, value);
		}
	}

}
