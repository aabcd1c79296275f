package io.dingboot.department;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A department's details, from {@code /topapi/v2/department/get}. Absent values are
 * {@code null}, absent flags {@code false}.
 *
 * @param deptId the department id
 * @param name the name
 * @param parentId the parent department id ({@code 0} for the root)
 * @param sourceIdentifier the source identifier
 * @param createDeptGroup whether a department group chat is created
 * @param autoAddUser whether new members join the department group automatically
 * @param tags the department's tags
 * @param fromUnionOrg whether the department comes from an associated organisation
 * @param order the order among its siblings
 * @param deptGroupChatId the id of the department group chat
 * @param groupContainSubDept whether the group chat includes sub-department members
 * @param orgDeptOwner the userid of the department's owner
 * @param deptManagerUseridList the userids of the department's managers
 * @param outerDept whether the department is hidden from other departments (限制本部门成员查看通讯录)
 * @param outerPermitDepts the departments the members may still see
 * @param outerPermitUsers the users the members may still see
 * @param hideDept whether the department is hidden
 * @param userPermits the users who may still see a hidden department
 * @param deptPermits the departments that may still see a hidden department
 * @param autoApproveApply whether join requests are approved automatically
 * @param code the department code
 * @param memberCount the number of members
 * @param owningMemberCount the number of members who belong to the department directly
 * @param unionDeptExt the department this one is associated with in another organisation
 */
public record DepartmentDetail(long deptId, String name, long parentId, @Nullable String sourceIdentifier,
		boolean createDeptGroup, boolean autoAddUser, @Nullable String tags, boolean fromUnionOrg, @Nullable Long order,
		@Nullable String deptGroupChatId, boolean groupContainSubDept, @Nullable String orgDeptOwner,
		@Nullable List<String> deptManagerUseridList,
		boolean outerDept, @Nullable List<Long> outerPermitDepts, @Nullable List<String> outerPermitUsers,
		boolean hideDept,
		@Nullable List<String> userPermits, @Nullable List<Long> deptPermits, boolean autoApproveApply,
		@Nullable String code, @Nullable Long memberCount,
		@Nullable Long owningMemberCount, @Nullable UnionDeptExt unionDeptExt) {

	/**
	 * The associated department in another organisation.
	 *
	 * @param corpId the other organisation
	 * @param deptId the department id there
	 */
	public record UnionDeptExt(@Nullable String corpId, @Nullable Long deptId) {

	}

}
