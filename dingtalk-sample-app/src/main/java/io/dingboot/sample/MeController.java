package io.dingboot.sample;

import java.util.List;

import io.dingboot.DingTalkApiException;
import io.dingboot.department.DepartmentApi;
import io.dingboot.security.authentication.DingTalkUser;
import io.dingboot.user.User;
import io.dingboot.user.UserApi;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the logged-in {@link DingTalkUser} is — name, avatar, title, departments
 * with their names (from {@link DepartmentApi#get(long)}), and whether the user is an admin or the
 * boss. Login stores these details in the session; when DingTalk could not give them at login they
 * are fetched now.
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
	Me me(@AuthenticationPrincipal DingTalkUser user) {
		if (!user.isDetailsFetched()) {
			User details = this.users.get(user.getUserid());
			return new Me(details.userid(), details.name(), details.avatar(), details.title(),
					departments((details.deptIdList() != null) ? details.deptIdList() : List.of()),
					user.isAdmin() || details.admin(), details.boss());
		}
		return new Me(user.getUserid(), user.getDisplayName(), user.getAvatar(), user.getTitle(),
				departments(user.getDeptIds()), user.isAdmin(), user.isBoss());
	}

	private List<DepartmentRef> departments(List<Long> ids) {
		return ids.stream().map(this::department).toList();
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
