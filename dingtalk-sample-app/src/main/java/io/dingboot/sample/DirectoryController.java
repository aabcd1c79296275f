package io.dingboot.sample;

import java.util.List;
import java.util.stream.Stream;

import io.dingboot.department.DepartmentApi;
import io.dingboot.department.DepartmentDetail;
import io.dingboot.user.SimpleUser;
import io.dingboot.user.UserApi;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Browsing the organisation: a department (the page names the root after it), its
 * sub-departments and its members.
 */
@RestController
class DirectoryController {

	private final DepartmentApi departments;

	private final UserApi users;

	DirectoryController(DepartmentApi departments, UserApi users) {
		this.departments = departments;
		this.users = users;
	}

	@GetMapping("/api/departments/{id}")
	DepartmentView department(@PathVariable long id) {
		DepartmentDetail department = this.departments.get(id);
		return new DepartmentView(department.deptId(), department.name(), department.parentId());
	}

	@GetMapping("/api/departments/{id}/children")
	List<DepartmentView> children(@PathVariable long id) {
		return this.departments.listSub(id)
			.stream()
			.map((department) -> new DepartmentView(department.deptId(), department.name(), department.parentId()))
			.toList();
	}

	@GetMapping("/api/departments/{id}/users")
	List<SimpleUser> users(@PathVariable long id) {
		try (Stream<SimpleUser> members = this.users.listSimple(id)) {
			return members.toList();
		}
	}

	record DepartmentView(long id, String name, long parentId) {

	}

}
