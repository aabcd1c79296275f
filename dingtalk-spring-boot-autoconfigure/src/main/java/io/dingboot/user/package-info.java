/**
 * Users: {@link io.dingboot.user.UserApi} and the records it answers with.
 */
@NullMarked
package io.dingboot.user;

import org.jspecify.annotations.NullMarked;
