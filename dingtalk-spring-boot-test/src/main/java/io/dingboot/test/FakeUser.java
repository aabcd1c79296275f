package io.dingboot.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A member of a {@link FakeOrganization}, with the fields {@code /topapi/v2/user/get} answers.
 * Build one with {@link #builder(String)}; unset text fields are left out of the answers, as
 * DingTalk leaves out fields the app may not read.
 */
public final class FakeUser {

	private final String userid;

	private final String unionid;

	private final String name;

	private final String avatar;

	private final String stateCode;

	private final String managerUserid;

	private final String mobile;

	private final boolean hideMobile;

	private final String telephone;

	private final String jobNumber;

	private final String title;

	private final String email;

	private final String workPlace;

	private final String remark;

	private final String loginId;

	private final String orgEmail;

	private final List<Long> deptIds;

	private final Set<Long> leaderInDepts;

	private final String extension;

	private final Long hiredDate;

	private final boolean active;

	private final boolean realAuthed;

	private final boolean senior;

	private final boolean admin;

	private final boolean boss;

	private final List<Role> roles;

	private FakeUser(Builder builder) {
		this.userid = builder.userid;
		this.unionid = (builder.unionid != null) ? builder.unionid : defaultUnionid(builder.userid);
		this.name = (builder.name != null) ? builder.name : builder.userid;
		this.avatar = builder.avatar;
		this.stateCode = builder.stateCode;
		this.managerUserid = builder.managerUserid;
		this.mobile = builder.mobile;
		this.hideMobile = builder.hideMobile;
		this.telephone = builder.telephone;
		this.jobNumber = builder.jobNumber;
		this.title = builder.title;
		this.email = builder.email;
		this.workPlace = builder.workPlace;
		this.remark = builder.remark;
		this.loginId = builder.loginId;
		this.orgEmail = builder.orgEmail;
		this.deptIds = List.copyOf(builder.deptIds.isEmpty() ? List.of(FakeDepartment.ROOT_ID) : builder.deptIds);
		this.leaderInDepts = Set.copyOf(builder.leaderInDepts);
		this.extension = builder.extension;
		this.hiredDate = builder.hiredDate;
		this.active = builder.active;
		this.realAuthed = builder.realAuthed;
		this.senior = builder.senior;
		this.admin = builder.admin;
		this.boss = builder.boss;
		this.roles = List.copyOf(builder.roles);
	}

	/**
	 * Start a user with the given {@code userid}.
	 * @param userid the userid, unique in the organisation
	 * @return a builder
	 */
	public static Builder builder(String userid) {
		return new Builder(userid);
	}

	private static String defaultUnionid(String userid) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(userid.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22).replace('-', 'x')
				.replace('_', 'y');
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String userid() {
		return this.userid;
	}

	public String unionid() {
		return this.unionid;
	}

	public String name() {
		return this.name;
	}

	public String avatar() {
		return this.avatar;
	}

	public String stateCode() {
		return this.stateCode;
	}

	public String managerUserid() {
		return this.managerUserid;
	}

	public String mobile() {
		return this.mobile;
	}

	public boolean hideMobile() {
		return this.hideMobile;
	}

	public String telephone() {
		return this.telephone;
	}

	public String jobNumber() {
		return this.jobNumber;
	}

	public String title() {
		return this.title;
	}

	public String email() {
		return this.email;
	}

	public String workPlace() {
		return this.workPlace;
	}

	public String remark() {
		return this.remark;
	}

	public String loginId() {
		return this.loginId;
	}

	public String orgEmail() {
		return this.orgEmail;
	}

	/**
	 * The departments the user belongs to; the first is the main one.
	 * @return the {@code dept_id}s
	 */
	public List<Long> deptIds() {
		return this.deptIds;
	}

	/**
	 * The departments the user leads.
	 * @return the {@code dept_id}s
	 */
	public Set<Long> leaderInDepts() {
		return this.leaderInDepts;
	}

	public String extension() {
		return this.extension;
	}

	public Long hiredDate() {
		return this.hiredDate;
	}

	public boolean active() {
		return this.active;
	}

	public boolean realAuthed() {
		return this.realAuthed;
	}

	public boolean senior() {
		return this.senior;
	}

	public boolean admin() {
		return this.admin;
	}

	public boolean boss() {
		return this.boss;
	}

	public List<Role> roles() {
		return this.roles;
	}

	/**
	 * The {@code sys_level} free login reports: 1 for an admin, 100 for the boss, 0 otherwise.
	 * @return the level
	 */
	public int sysLevel() {
		return this.admin ? 1 : (this.boss ? 100 : 0);
	}

	@Override
	public String toString() {
		return "FakeUser{userid=" + this.userid + ", name=" + this.name + ", deptIds=" + this.deptIds + "}";
	}

	/**
	 * A role of a user ({@code role_list} item).
	 *
	 * @param id the role id
	 * @param name the role name
	 * @param groupName the role group's name
	 */
	public record Role(long id, String name, String groupName) {
	}

	/**
	 * Builds a {@link FakeUser}.
	 */
	public static final class Builder {

		private final String userid;

		private String unionid;

		private String name;

		private String avatar;

		private String stateCode = "86";

		private String managerUserid;

		private String mobile;

		private boolean hideMobile;

		private String telephone;

		private String jobNumber;

		private String title;

		private String email;

		private String workPlace;

		private String remark;

		private String loginId;

		private String orgEmail;

		private final List<Long> deptIds = new ArrayList<>();

		private final Set<Long> leaderInDepts = new LinkedHashSet<>();

		private String extension;

		private Long hiredDate;

		private boolean active = true;

		private boolean realAuthed = true;

		private boolean senior;

		private boolean admin;

		private boolean boss;

		private final List<Role> roles = new ArrayList<>();

		private Builder(String userid) {
			Objects.requireNonNull(userid, "userid");
			if (userid.isBlank() || userid.length() > 64) {
				throw new IllegalArgumentException("userid must be 1 to 64 characters");
			}
			this.userid = userid;
		}

		public Builder unionid(String unionid) {
			this.unionid = unionid;
			return this;
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder avatar(String avatar) {
			this.avatar = avatar;
			return this;
		}

		public Builder stateCode(String stateCode) {
			this.stateCode = stateCode;
			return this;
		}

		public Builder managerUserid(String managerUserid) {
			this.managerUserid = managerUserid;
			return this;
		}

		public Builder mobile(String mobile) {
			this.mobile = mobile;
			return this;
		}

		public Builder hideMobile(boolean hideMobile) {
			this.hideMobile = hideMobile;
			return this;
		}

		public Builder telephone(String telephone) {
			this.telephone = telephone;
			return this;
		}

		public Builder jobNumber(String jobNumber) {
			this.jobNumber = jobNumber;
			return this;
		}

		public Builder title(String title) {
			this.title = title;
			return this;
		}

		public Builder email(String email) {
			this.email = email;
			return this;
		}

		public Builder workPlace(String workPlace) {
			this.workPlace = workPlace;
			return this;
		}

		public Builder remark(String remark) {
			this.remark = remark;
			return this;
		}

		public Builder loginId(String loginId) {
			this.loginId = loginId;
			return this;
		}

		public Builder orgEmail(String orgEmail) {
			this.orgEmail = orgEmail;
			return this;
		}

		/**
		 * Add the user to departments; the first one added is the main department. Without
		 * any, the user belongs to the root department.
		 * @param deptIds the {@code dept_id}s
		 * @return this builder
		 */
		public Builder departments(long... deptIds) {
			for (long id : deptIds) {
				if (!this.deptIds.contains(id)) {
					this.deptIds.add(id);
				}
			}
			return this;
		}

		/**
		 * Make the user the leader of departments it belongs to.
		 * @param deptIds the {@code dept_id}s
		 * @return this builder
		 */
		public Builder leaderOf(long... deptIds) {
			departments(deptIds);
			for (long id : deptIds) {
				this.leaderInDepts.add(id);
			}
			return this;
		}

		public Builder extension(String extension) {
			this.extension = extension;
			return this;
		}

		public Builder hiredDate(Long hiredDate) {
			this.hiredDate = hiredDate;
			return this;
		}

		public Builder active(boolean active) {
			this.active = active;
			return this;
		}

		public Builder realAuthed(boolean realAuthed) {
			this.realAuthed = realAuthed;
			return this;
		}

		public Builder senior(boolean senior) {
			this.senior = senior;
			return this;
		}

		public Builder admin(boolean admin) {
			this.admin = admin;
			return this;
		}

		public Builder boss(boolean boss) {
			this.boss = boss;
			return this;
		}

		public Builder role(long id, String name, String groupName) {
			this.roles.add(new Role(id, name, groupName));
			return this;
		}

		public FakeUser build() {
			return new FakeUser(this);
		}

	}

}
