package io.dingboot.department;

import org.jspecify.annotations.Nullable;

/**
 * A department as {@code /topapi/v2/department/listsub} lists it.
 *
 * @param deptId the department id
 * @param name the name
 * @param parentId the parent department id ({@code 0} when DingTalk gives none)
 * @param createDeptGroup whether a department group chat is created
 * @param autoAddUser whether new members join the department group automatically
 * @param ext extra attributes, as DingTalk sends them
 * @param fromUnionOrg whether the department comes from an associated organisation
 * @param sourceIdentifier the source identifier
 * @param tags the department's tags
 */
public record Department(long deptId, String name, long parentId, boolean createDeptGroup, boolean autoAddUser,
		@Nullable String ext, boolean fromUnionOrg, @Nullable String sourceIdentifier, @Nullable String tags) {

}
