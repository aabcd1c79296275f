package io.dingboot.security.authentication;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Turns a DingTalk user who just logged in into the application's {@link DingTalkAuthenticationToken}:
 * link the DingTalk user to an account of the application, choose the principal and the
 * authorities, or refuse the login by throwing an {@link AuthenticationException} (for example a
 * {@link org.springframework.security.authentication.DisabledException}), which answers {@code 401}
 * {@code login_refused}. Declare a bean of this type to replace {@link #defaults()}:
 * <pre class="code">
 * &#64;Bean
 * DingTalkUserMapper dingTalkUserMapper(AccountRepository accounts) {
 *     return (user) -&gt; {
 *         Account account = accounts.findByDingTalkUserid(user.getUserid())
 *             .orElseThrow(() -&gt; new DisabledException("No account for this DingTalk user"));
 *         return DingTalkAuthenticationToken.authenticated(user, account, account.authorities());
 *     };
 * }
 * </pre>
 */
@FunctionalInterface
public interface DingTalkUserMapper {

	/** Authority of every DingTalk user. */
	String ROLE_DINGTALK_USER = "ROLE_DINGTALK_USER";

	/** Authority of the organisation's administrators ({@code sys}). */
	String ROLE_DINGTALK_ADMIN = "ROLE_DINGTALK_ADMIN";

	/**
	 * Map a DingTalk user who logged in.
	 * @param user the DingTalk user
	 * @return the authentication to store in the security context
	 * @throws AuthenticationException to refuse the login
	 */
	DingTalkAuthenticationToken map(DingTalkUser user) throws AuthenticationException;

	/**
	 * The default mapper: the DingTalk user is the principal, with {@link #defaultAuthorities}.
	 * @return the default mapper
	 */
	static DingTalkUserMapper defaults() {
		return (user) -> DingTalkAuthenticationToken.authenticated(user, defaultAuthorities(user));
	}

	/**
	 * {@code ROLE_DINGTALK_USER}, plus {@code ROLE_DINGTALK_ADMIN} for administrators.
	 * @param user the DingTalk user
	 * @return the authorities
	 */
	static List<GrantedAuthority> defaultAuthorities(DingTalkUser user) {
		List<GrantedAuthority> authorities = new ArrayList<>(2);
		authorities.add(new SimpleGrantedAuthority(ROLE_DINGTALK_USER));
		if (user.isAdmin()) {
			authorities.add(new SimpleGrantedAuthority(ROLE_DINGTALK_ADMIN));
		}
		return List.copyOf(authorities);
	}

}
