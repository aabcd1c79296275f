package io.dingboot.security.authentication;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.Assert;

/**
 * An {@link org.springframework.security.core.Authentication} for DingTalk free login (免登).
 * Before authentication it carries the one-time auth code; after, the {@link DingTalkUser}, the
 * principal the application chose (the DingTalk user by default) and the authorities, and never the
 * code. {@link #getName()} is always the DingTalk userid, {@link #getAppName()} the app the code
 * was issued by (before authentication) or the user logged in with (after).
 */
public final class DingTalkAuthenticationToken extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private @Nullable String code;

	private final @Nullable String appName;

	private final @Nullable DingTalkUser user;

	private final Object principal;

	private DingTalkAuthenticationToken(String appName, String code) {
		super(List.of());
		this.appName = appName;
		this.code = code;
		this.user = null;
		this.principal = "";
		setAuthenticated(false);
	}

	private DingTalkAuthenticationToken(DingTalkUser user, Object principal,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.appName = null;
		this.code = null;
		this.user = user;
		this.principal = principal;
		super.setAuthenticated(true);
	}

	/**
	 * A login request with a free-login code.
	 * @param code the code from {@code dd.runtime.permission.requestAuthCode}
	 * @return an unauthenticated token
	 */
	public static DingTalkAuthenticationToken unauthenticated(String code) {
		return unauthenticated(DingTalkUser.DEFAULT_APP, code);
	}

	/**
	 * A login request with a free-login code of one app: the code is exchanged with that app's
	 * access token only.
	 * @param appName the app's name ({@value DingTalkUser#DEFAULT_APP} for the top-level app)
	 * @param code the code from {@code dd.runtime.permission.requestAuthCode}
	 * @return an unauthenticated token
	 */
	public static DingTalkAuthenticationToken unauthenticated(String appName, String code) {
		Assert.hasText(appName, "'appName' must not be empty");
		Assert.hasText(code, "'code' must not be empty");
		return new DingTalkAuthenticationToken(appName, code);
	}

	/**
	 * A logged-in DingTalk user whose principal is the {@link DingTalkUser} itself.
	 * @param user the DingTalk user
	 * @param authorities the authorities
	 * @return an authenticated token
	 */
	public static DingTalkAuthenticationToken authenticated(DingTalkUser user,
			Collection<? extends GrantedAuthority> authorities) {
		return authenticated(user, user, authorities);
	}

	/**
	 * A logged-in DingTalk user linked to an application's own principal (an account, a
	 * {@code UserDetails}, ...). The principal should be {@link java.io.Serializable} when sessions
	 * are serialised.
	 * @param user the DingTalk user
	 * @param principal the application's principal
	 * @param authorities the authorities
	 * @return an authenticated token
	 */
	public static DingTalkAuthenticationToken authenticated(DingTalkUser user, Object principal,
			Collection<? extends GrantedAuthority> authorities) {
		Assert.notNull(user, "'user' must not be null");
		Assert.notNull(principal, "'principal' must not be null");
		Assert.notNull(authorities, "'authorities' must not be null");
		return new DingTalkAuthenticationToken(user, principal, authorities);
	}

	/**
	 * The auth code of a login request; {@code null} once authenticated.
	 * @return the code
	 */
	@Override
	public @Nullable Object getCredentials() {
		return this.code;
	}

	@Override
	public Object getPrincipal() {
		return this.principal;
	}

	/**
	 * The DingTalk user; {@code null} for a login request.
	 * @return the user
	 */
	public @Nullable DingTalkUser getDingTalkUser() {
		return this.user;
	}

	/**
	 * The name of the app: the one whose code a login request carries, or the one the user logged
	 * in with. Never a key or a secret, so that listeners may use it, e.g. as a metrics tag.
	 * @return the app's name
	 */
	public String getAppName() {
		if (this.user != null) {
			return this.user.getAppName();
		}
		return (this.appName != null) ? this.appName : DingTalkUser.DEFAULT_APP;
	}

	/**
	 * The DingTalk userid once authenticated; an empty string for a login request.
	 * @return the userid
	 */
	@Override
	public String getName() {
		return (this.user != null) ? this.user.getUserid() : "";
	}

	@Override
	public void setAuthenticated(boolean authenticated) {
		Assert.isTrue(!authenticated || this.user != null,
				"A DingTalk login request cannot be trusted; use DingTalkAuthenticationToken.authenticated(...)");
		super.setAuthenticated(authenticated);
	}

	@Override
	public void eraseCredentials() {
		super.eraseCredentials();
		this.code = null;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + " [app=" + getAppName() + ", userid=" + getName() + ", authenticated="
				+ isAuthenticated() + ", authorities=" + getAuthorities() + "]";
	}

}
