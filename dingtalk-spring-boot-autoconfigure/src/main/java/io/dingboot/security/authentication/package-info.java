/**
 * DingTalk free login (免登) without servlets: the authentication token, the provider that exchanges
 * the auth code, the logged-in {@link io.dingboot.security.authentication.DingTalkUser} and its
 * mapper.
 */
@NullMarked
package io.dingboot.security.authentication;

import org.jspecify.annotations.NullMarked;
