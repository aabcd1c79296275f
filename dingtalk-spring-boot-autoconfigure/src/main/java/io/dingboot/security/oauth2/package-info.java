/**
 * Browser login (扫码登录 / DingTalk account login) through Spring Security's {@code oauth2Login}:
 * DingTalk's client registrations, the authorize request that carries {@code scope=openid} without
 * turning into OpenID Connect, the token and user steps of DingTalk's own API, and the refusals.
 */
@NullMarked
package io.dingboot.security.oauth2;

import org.jspecify.annotations.NullMarked;
