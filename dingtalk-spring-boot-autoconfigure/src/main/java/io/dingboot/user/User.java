package io.dingboot.user;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A user's details, from {@code /topapi/v2/user/get}. Several fields (mobile, email, ...) are only
 * present when the app has the permission for them; absent values are {@code null}, absent flags
 * {@code false}.
 *
 * @param userid the user's id in the organisation
 * @param unionid the user's id across the apps of one developer account
 * @param name the name
 * @param avatar the avatar URL
 * @param stateCode the country code of the mobile number, e.g. {@code 86}
 * @param managerUserid the userid of the user's manager
 * @param mobile the mobile number
 * @param hideMobile whether the mobile number is hidden
 * @param telephone the extension number
 * @param jobNumber the employee number
 * @param title the job title
 * @param email the e-mail address
 * @param workPlace the place of work
 * @param remark the remark
 * @param loginId the login id of an exclusive account
 * @param exclusiveAccount whether the account is an exclusive (专属) account
 * @param exclusiveAccountType the kind of exclusive account: {@code sso} or {@code dingtalk}
 * @param orgEmail the organisation e-mail address
 * @param orgEmailType the kind of organisation e-mail address
 * @param deptIdList the ids of the user's departments
 * @param deptOrderList the user's order in each department
 * @param extension extra attributes, as the JSON text DingTalk sends
 * @param hiredDate the hire date, epoch milliseconds
 * @param active whether the user has activated DingTalk
 * @param realAuthed whether the user's identity is verified
 * @param senior whether the user is a senior manager
 * @param admin whether the user is an administrator
 * @param boss whether the user is the boss
 * @param leaderInDept whether the user leads each department
 * @param roleList the user's roles
 * @param unionEmpExt the user's accounts in associated organisations
 * @param deptPositionList the user's position in each department
 */
public record User(String userid, @Nullable String unionid, String name, @Nullable String avatar,
		@Nullable String stateCode, @Nullable String managerUserid, @Nullable String mobile, boolean hideMobile,
		@Nullable String telephone, @Nullable String jobNumber, @Nullable String title, @Nullable String email,
		@Nullable String workPlace, @Nullable String remark, @Nullable String loginId, boolean exclusiveAccount,
		@Nullable String exclusiveAccountType, @Nullable String orgEmail, @Nullable String orgEmailType,
		@Nullable List<Long> deptIdList, @Nullable List<DeptOrder> deptOrderList,
		@JsonDeserialize(using = JsonTextDeserializer.class) @Nullable String extension, @Nullable Long hiredDate,
		boolean active, boolean realAuthed, boolean senior, boolean admin, boolean boss,
		@Nullable List<DeptLeader> leaderInDept, @Nullable List<Role> roleList, @Nullable UnionEmpExt unionEmpExt,
		@Nullable List<DeptPosition> deptPositionList) {

	/**
	 * The user's order in one department.
	 *
	 * @param deptId the department id
	 * @param order the order value
	 */
	public record DeptOrder(long deptId, long order) {

	}

	/**
	 * Whether the user leads one department.
	 *
	 * @param deptId the department id
	 * @param leader whether the user is its leader
	 */
	public record DeptLeader(long deptId, boolean leader) {

	}

	/**
	 * A role of the user.
	 *
	 * @param id the role id
	 * @param name the role name
	 * @param groupName the name of the role's group
	 */
	public record Role(long id, @Nullable String name, @Nullable String groupName) {

	}

	/**
	 * The user's accounts in associated organisations.
	 *
	 * @param userid the user's id in the associated organisation
	 * @param corpId the associated organisation
	 * @param unionEmpMapList the mapping of accounts
	 */
	public record UnionEmpExt(@Nullable String userid, @Nullable String corpId,
			@Nullable List<UnionEmpMap> unionEmpMapList) {

	}

	/**
	 * One account of the user in an associated organisation.
	 *
	 * @param userid the userid there
	 * @param corpId the organisation
	 */
	public record UnionEmpMap(@Nullable String userid, @Nullable String corpId) {

	}

	/**
	 * The user's position in one department.
	 *
	 * @param deptId the department id
	 * @param isMain whether it is the user's main department
	 * @param title the job title there
	 * @param workPlace the place of work there
	 */
	public record DeptPosition(long deptId, @JsonProperty("is_main") boolean isMain, @Nullable String title,
			@Nullable String workPlace) {

	}

}
