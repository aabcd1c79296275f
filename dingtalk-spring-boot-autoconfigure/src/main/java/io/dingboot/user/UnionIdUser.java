package io.dingboot.user;

/**
 * The user a unionid belongs to, from {@code /topapi/user/getbyunionid}.
 *
 * @param userid the user's id in the organisation
 * @param contactType 0 for a member of the organisation, 1 for an external contact
 */
public record UnionIdUser(String userid, int contactType) {

}
