/**
 * Access tokens and JSAPI tickets: the {@link io.dingboot.token.AccessTokenProvider}, the
 * in-process {@link io.dingboot.token.TokenCache} shared by every app and token kind, and the
 * {@link io.dingboot.token.TokenStore} SPI behind it.
 */
@NullMarked
package io.dingboot.token;

import org.jspecify.annotations.NullMarked;
