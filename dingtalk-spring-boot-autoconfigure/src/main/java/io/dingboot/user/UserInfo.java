package io.dingboot.user;

import org.jspecify.annotations.Nullable;

/**
 * Who a free-login (免登) auth code belongs to, from {@code /topapi/v2/user/getuserinfo}.
 *
 * @param userid the user's id in the organisation
 * @param unionid the user's id across the apps of one developer account
 * @param associatedUnionid the unionid of an associated account, if any
 * @param name the user's name
 * @param deviceId the id of the device the code was requested on
 * @param sys whether the user is an administrator
 * @param sysLevel the administrator level: 1 primary admin, 2 sub-admin, 100 boss, 0 other
 */
public record UserInfo(String userid, @Nullable String unionid, @Nullable String associatedUnionid, String name,
		@Nullable String deviceId,
		boolean sys, int sysLevel) {

}
