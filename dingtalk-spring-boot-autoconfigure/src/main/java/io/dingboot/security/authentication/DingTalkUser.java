package io.dingboot.security.authentication;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.dingboot.user.User;
import io.dingboot.user.UserInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.util.Assert;

/**
 * A DingTalk user who logged in with a free-login (免登) code: who the code belongs to
 * ({@code /topapi/v2/user/getuserinfo}) and, when details were fetched, a few fields of
 * {@code /topapi/v2/user/get}. It holds no secret and no code, and is {@link Serializable} so that
 * sessions may be stored anywhere.
 * <p>
 * As JSON (Jackson, and the answer of a JSON login, which adds {@code authorities}) it is
 * {@code {"userid", "unionid", "name", "admin", "adminLevel", "detailsFetched", "avatar", "title",
 * "deptIds", "boss", "leader"}}, where {@code name} is the display name ({@link #getDisplayName()}),
 * while {@link #getName()}, the principal's name for Spring Security, is the userid.
 */
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
		fieldVisibility = Visibility.NONE)
@JsonPropertyOrder({ "userid", "unionid", "name", "admin", "adminLevel", "detailsFetched", "avatar", "title",
		"deptIds", "boss", "leader" })
public final class DingTalkUser implements AuthenticatedPrincipal, Serializable {

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

	private DingTalkUser(String userid, @Nullable String unionid, @Nullable String name, boolean admin, int adminLevel,
			boolean detailsFetched, @Nullable String avatar, @Nullable String title, List<Long> deptIds, boolean boss,
			boolean leader) {
		Assert.hasText(userid, "'userid' must not be empty");
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
	}

	/**
	 * The user a free-login code belongs to, without details.
	 * @param info the answer of {@code getuserinfo}
	 * @return the user
	 */
	public static DingTalkUser of(UserInfo info) {
		return new DingTalkUser(info.userid(), info.unionid(), info.name(), info.sys(), info.sysLevel(), false, null,
				null, List.of(), false, false);
	}

	/**
	 * A user with only a userid and a name, e.g. for tests.
	 * @param userid the userid
	 * @param name the name
	 * @return the user
	 */
	public static DingTalkUser of(String userid, @Nullable String name) {
		return new DingTalkUser(userid, null, name, false, 0, false, null, null, List.of(), false, false);
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
		return new DingTalkUser(this.userid, detailedUnionid, detailedName, this.admin || details.admin(),
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

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof DingTalkUser that)) {
			return false;
		}
		return this.userid.equals(that.userid) && Objects.equals(this.unionid, that.unionid)
				&& Objects.equals(this.name, that.name) && this.admin == that.admin
				&& this.adminLevel == that.adminLevel && this.detailsFetched == that.detailsFetched
				&& Objects.equals(this.avatar, that.avatar) && Objects.equals(this.title, that.title)
				&& this.deptIds.equals(that.deptIds) && this.boss == that.boss && this.leader == that.leader;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.userid, this.unionid, this.name, this.admin, this.adminLevel);
	}

	@Override
	public String toString() {
		return "DingTalkUser{userid=" + this.userid + ", name=" + this.name + ", admin=" + this.admin + "}";
	}

}
