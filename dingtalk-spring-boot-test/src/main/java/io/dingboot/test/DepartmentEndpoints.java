package io.dingboot.test;

import java.util.List;
import java.util.Map;

/**
 * Departments: {@code /topapi/v2/department/listsub}, {@code /topapi/v2/department/get},
 * {@code /topapi/v2/department/listsubid}.
 */
final class DepartmentEndpoints extends EndpointGroup {

	static final String LISTSUB = "/topapi/v2/department/listsub";

	static final String GET = "/topapi/v2/department/get";

	static final String LISTSUBID = "/topapi/v2/department/listsubid";

	DepartmentEndpoints(FakeState state) {
		super("dingtalk-departments", state);
	}

	@Override
	List<String> paths() {
		return List.of(LISTSUB, GET, LISTSUBID);
	}

	@Override
	Answer handle(FakeCall call) {
		FakeOrganization organization = this.state.organizationOf(call);
		return switch (call.path()) {
			case LISTSUB -> {
				long deptId = existing(organization, optionalDeptId(call));
				yield Answer.ok(call,
						Map.of("result", organization.children(deptId).stream().map(UserViews::department).toList()));
			}
			case GET -> {
				long deptId = existing(organization, requiredNumber(call, "dept_id"));
				FakeDepartment department = organization.department(deptId).orElseThrow();
				yield Answer.ok(call, Map.of("result", UserViews.departmentDetail(department, organization)));
			}
			default -> {
				long deptId = existing(organization, requiredNumber(call, "dept_id"));
				List<Long> ids = organization.children(deptId).stream().map(FakeDepartment::id).toList();
				yield Answer.ok(call, Map.of("result", Map.of("dept_id_list", ids)));
			}
		};
	}

	private static long optionalDeptId(FakeCall call) {
		Long deptId = call.number("dept_id");
		return (deptId != null) ? deptId : FakeDepartment.ROOT_ID;
	}

	private static long existing(FakeOrganization organization, long deptId) {
		if (organization.department(deptId).isEmpty()) {
			throw new CallRejected(60003);
		}
		return deptId;
	}

}
