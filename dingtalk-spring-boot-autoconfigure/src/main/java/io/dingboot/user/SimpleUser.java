package io.dingboot.user;

/**
 * A user as {@code /topapi/user/listsimple} lists it.
 *
 * @param userid the user's id
 * @param name the user's name
 */
public record SimpleUser(String userid, String name) {

}
