package io.dingboot.security.authentication;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.dingboot.user.User;
import io.dingboot.user.UserInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.util.Assert;

/**
 * A DingTalk user who logged in with a free-login (免登) code: who the code belongs to
 * ({@code /topapi/v2/user/getuserinfo}) and, when details were fetched, a few fields of
 * {@code /topapi/v2/user/get}. It holds no secret and no code, and is {@link Serializable} so that
 * sessions may be stored anywhere.
 * <p>
 * The user belongs to the app that logged them in ({@link #getAppName()}, {@code default} for the
 * top-level app) and to that app's organisation ({@link #getCorpId()}): a userid is unique in one
 * organisation only.
 * <p>
 * As JSON (Jackson, and the answer of a JSON login, which adds {@code authorities}) it is
 * {@code {"userid", "unionid", "name", "admin", "adminLevel", "detailsFetched", "avatar", "title",
 * "deptIds", "boss", "leader", "app", "corpId"}}, where {@code name} is the display name
 * ({@link #getDisplayName()}), while {@link #getName()}, the principal's name for Spring Security,
 * is the userid.
 * <p>
 * It is also the {@link OAuth2User} of browser login: {@link #getAttributes()} is the same view
 * as the JSON above, and {@link #getAuthorities()} those the {@link DingTalkUserMapper} chose
 * ({@link #withAuthorities}), by default {@link DingTalkUserMapper#defaultAuthorities}.
 */
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
		fieldVisibility = Visibility.NONE)
@JsonPropertyOrder({ "userid", "unionid", "name", "admin", "adminLevel", "detailsFetched", "avatar", "title",
		"deptIds", "boss", "leader", "app", "corpId" })
public final class DingTalkUser implements AuthenticatedPrincipal, OAuth2User, Serializable {

	/** Name of the app of the top-level {@code dingtalk.*} keys. */
	public static final String DEFAULT_APP = "default";

	@Serial
	private static final long serialVersionUID = 1L;

	private final String userid;

	private final @Nullable String unionid;

	private final @Nullable String name;

	private final boolean admin;

	private final int adminLevel;

	private final boolean detailsFetched;

	private final @Nullable String avatar;

	private final @Nullable String title;

	private final List<Long> deptIds;

	private final boolean boss;

	private final boolean leader;

	/** Name of the app the user logged in with; {@code null} only in sessions stored before apps had names. */
	private final @Nullable String appName;

	private final @Nullable String corpId;

	/** Authorities of the OAuth2 view, chosen by the mapper; not part of equality. */
	private final @Nullable List<GrantedAuthority> authorities;

	private DingTalkUser(String appName, @Nullable String corpId, String userid, @Nullable String unionid,
			@Nullable String name, boolean admin, int adminLevel,
			boolean detailsFetched, @Nullable String avatar, @Nullable String title, List<Long> deptIds, boolean boss,
			boolean leader) {
		Assert.hasText(appName, "'appName' must not be empty");
		Assert.hasText(userid, "'userid' must not be empty");
		this.appName = appName;
		this.corpId = corpId;
		this.userid = userid;
		this.unionid = unionid;
		this.name = name;
		this.admin = admin;
		this.adminLevel = adminLevel;
		this.detailsFetched = detailsFetched;
		this.avatar = avatar;
		this.title = title;
		this.deptIds = List.copyOf(deptIds);
		this.boss = boss;
		this.leader = leader;
		this.authorities = null;
	}

	private DingTalkUser(DingTalkUser user, List<GrantedAuthority> authorities) {
		this.appName = user.appName;
		this.corpId = user.corpId;
		this.userid = user.userid;
		this.unionid = user.unionid;
		this.name = user.name;
		this.admin = user.admin;
		this.adminLevel = user.adminLevel;
		this.detailsFetched = user.detailsFetched;
		this.avatar = user.avatar;
		this.title = user.title;
		this.deptIds = user.deptIds;
		this.boss = user.boss;
		this.leader = user.leader;
		this.authorities = authorities;
	}

	/**
	 * The user a free-login code of the app {@value #DEFAULT_APP} belongs to, without details.
	 * @param info the answer of {@code getuserinfo}
	 * @return the user
	 */
	public static DingTalkUser of(UserInfo info) {
		return of(DEFAULT_APP, null, info);
	}

	/**
	 * The user a free-login code of one app belongs to, without details. Every way of logging in
	 * makes its {@code DingTalkUser} here (and with {@link #withDetails(User)}).
	 * @param appName the name of the app that logged the user in ({@value #DEFAULT_APP} for the
	 * top-level app)
	 * @param corpId the CorpId of the app's organisation, or {@code null} when not known
	 * @param info the answer of {@code getuserinfo}
	 * @return the user
	 */
	public static DingTalkUser of(String appName, @Nullable String corpId, UserInfo info) {
		return new DingTalkUser(appName, corpId, info.userid(), info.unionid(), info.name(), info.sys(),
				info.sysLevel(), false, null, null, List.of(), false, false);
	}

	/**
	 * A user of the app {@value #DEFAULT_APP} with only a userid and a name, e.g. for tests.
	 * @param userid the userid
	 * @param name the name
	 * @return the user
	 */
	public static DingTalkUser of(String userid, @Nullable String name) {
		return new DingTalkUser(DEFAULT_APP, null, userid, null, name, false, 0, false, null, null, List.of(), false,
				false);
	}

	/**
	 * This user as a user of another app, e.g. for tests.
	 * @param appName the app's name
	 * @param corpId the CorpId of the app's organisation, or {@code null}
	 * @return a new user
	 */
	public DingTalkUser withApp(String appName, @Nullable String corpId) {
		return new DingTalkUser(appName, corpId, this.userid, this.unionid, this.name, this.admin, this.adminLevel,
				this.detailsFetched, this.avatar, this.title, this.deptIds, this.boss, this.leader);
	}

	/**
	 * This user with the details of {@code /topapi/v2/user/get}.
	 * @param details the details
	 * @return a new user
	 */
	public DingTalkUser withDetails(User details) {
		boolean leads = details.leaderInDept() != null
				&& details.leaderInDept().stream().anyMatch(User.DeptLeader::leader);
		List<Long> depts = (details.deptIdList() != null) ? details.deptIdList().stream().filter(Objects::nonNull).toList()
				: List.of();
		String detailedName = (details.name() != null) ? details.name() : this.name;
		String detailedUnionid = (details.unionid() != null) ? details.unionid() : this.unionid;
		return new DingTalkUser(getAppName(), this.corpId, this.userid, detailedUnionid, detailedName, this.admin || details.admin(),
				this.adminLevel, true, details.avatar(), details.title(), depts, details.boss(), leads);
	}

	/**
	 * The userid, the user's id in the organisation.
	 * @return the userid
	 */
	@Override
	public String getName() {
		return this.userid;
	}

	@JsonProperty("userid")
	public String getUserid() {
		return this.userid;
	}

	@JsonProperty("unionid")
	public @Nullable String getUnionid() {
		return this.unionid;
	}

	/**
	 * The user's display name (not the userid; see {@link #getName()}); {@code name} in JSON.
	 * @return the display name
	 */
	@JsonProperty("name")
	public @Nullable String getDisplayName() {
		return this.name;
	}

	/**
	 * Whether the user is an administrator of the organisation ({@code sys}).
	 * @return whether the user is an admin
	 */
	@JsonProperty("admin")
	public boolean isAdmin() {
		return this.admin;
	}

	/**
	 * The administrator level ({@code sys_level}): 1 primary admin, 2 sub-admin, 100 boss, 0 other.
	 * @return the level
	 */
	@JsonProperty("adminLevel")
	public int getAdminLevel() {
		return this.adminLevel;
	}

	/**
	 * Whether the details below were fetched ({@code dingtalk.login.fetch-user-details}).
	 * @return whether details are present
	 */
	@JsonProperty("detailsFetched")
	public boolean isDetailsFetched() {
		return this.detailsFetched;
	}

	@JsonProperty("avatar")
	public @Nullable String getAvatar() {
		return this.avatar;
	}

	@JsonProperty("title")
	public @Nullable String getTitle() {
		return this.title;
	}

	@JsonProperty("deptIds")
	public List<Long> getDeptIds() {
		return this.deptIds;
	}

	@JsonProperty("boss")
	public boolean isBoss() {
		return this.boss;
	}

	/**
	 * Whether the user leads at least one of their departments.
	 * @return whether the user is a leader
	 */
	@JsonProperty("leader")
	public boolean isLeader() {
		return this.leader;
	}

	/**
	 * The name of the app the user logged in with: {@value #DEFAULT_APP} for the top-level
	 * {@code dingtalk.*} app, otherwise the app's name; {@code app} in JSON.
	 * @return the app's name
	 */
	@JsonProperty("app")
	public String getAppName() {
		return (this.appName != null) ? this.appName : DEFAULT_APP;
	}

	/**
	 * The CorpId of the organisation of the app the user logged in with.
	 * @return the corp id, or {@code null} when the app's corp id is not configured
	 */
	@JsonProperty("corpId")
	public @Nullable String getCorpId() {
		return this.corpId;
	}

	/**
	 * This user with the authorities of its {@link OAuth2User} view.
	 * @param authorities the authorities, e.g. those the mapper chose
	 * @return a new user, equal to this one
	 */
	public DingTalkUser withAuthorities(Collection<? extends GrantedAuthority> authorities) {
		return new DingTalkUser(this, List.copyOf(authorities));
	}

	/**
	 * The authorities the {@link DingTalkUserMapper} chose for browser login, otherwise
	 * {@link DingTalkUserMapper#defaultAuthorities}.
	 * @return the authorities
	 */
	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return (this.authorities != null) ? this.authorities : DingTalkUserMapper.defaultAuthorities(this);
	}

	/**
	 * The user as attributes, the same view as the JSON (no secret, no token, no code).
	 * @return the attributes
	 */
	@Override
	public Map<String, Object> getAttributes() {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("userid", this.userid);
		putIfPresent(attributes, "unionid", this.unionid);
		putIfPresent(attributes, "name", this.name);
		attributes.put("admin", this.admin);
		attributes.put("adminLevel", this.adminLevel);
		attributes.put("detailsFetched", this.detailsFetched);
		putIfPresent(attributes, "avatar", this.avatar);
		putIfPresent(attributes, "title", this.title);
		attributes.put("deptIds", this.deptIds);
		attributes.put("boss", this.boss);
		attributes.put("leader", this.leader);
		attributes.put("app", getAppName());
		putIfPresent(attributes, "corpId", this.corpId);
		return attributes;
	}

	private static void putIfPresent(Map<String, Object> attributes, String key, @Nullable Object value) {
		if (value != null) {
			attributes.put(key, value);
		}
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof DingTalkUser that)) {
			return false;
		}
		return this.userid.equals(that.userid) && getAppName().equals(that.getAppName())
				&& Objects.equals(this.corpId, that.corpId) && Objects.equals(this.unionid, that.unionid)
				&& Objects.equals(this.name, that.name) && this.admin == that.admin
				&& this.adminLevel == that.adminLevel && this.detailsFetched == that.detailsFetched
				&& Objects.equals(this.avatar, that.avatar) && Objects.equals(this.title, that.title)
				&& this.deptIds.equals(that.deptIds) && this.boss == that.boss && this.leader == that.leader;
	}

	@Override
	public int hashCode() {
		return Objects.hash(getAppName(), this.corpId, this.userid, this.unionid, this.name, this.admin,
				this.adminLevel);
	}

	@Override
	public String toString() {
		return "DingTalkUser{app=" + getAppName() + ", corpId=" + this.corpId + ", userid=" + this.userid + ", name="
				+ this.name + ", admin=" + this.admin + "}";
	}

}
