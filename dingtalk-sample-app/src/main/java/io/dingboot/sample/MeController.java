package io.dingboot.sample;

import java.util.List;

import io.dingboot.DingTalkApiException;
import io.dingboot.department.DepartmentApi;
import io.dingboot.user.User;
import io.dingboot.user.UserApi;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the logged-in user is — name, avatar, departments with their names,
 * and whether the user is an admin or the boss.
 */
@RestController
class MeController {

	private final UserApi users;

	private final DepartmentApi departments;

	MeController(UserApi users, DepartmentApi departments) {
		this.users = users;
		this.departments = departments;
	}

	@GetMapping("/api/me")
	Me me(Authentication authentication) {
		User user = this.users.get(authentication.getName());
		List<Long> deptIds = (user.deptIdList() != null) ? user.deptIdList() : List.of();
		List<DepartmentRef> departments = deptIds.stream().map(this::department).toList();
		return new Me(user.userid(), user.name(), user.avatar(), user.title(), departments, user.admin(),
				user.boss());
	}

	private DepartmentRef department(long id) {
		try {
			return new DepartmentRef(id, this.departments.get(id).name());
		}
		catch (DingTalkApiException ex) {
			return new DepartmentRef(id, null);
		}
	}

	record Me(String userid, String name, String avatar, String title, List<DepartmentRef> departments,
			boolean admin, boolean boss) {

	}

	record DepartmentRef(long id, String name) {

	}

}
