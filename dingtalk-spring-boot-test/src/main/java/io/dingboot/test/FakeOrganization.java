package io.dingboot.test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation a {@link FakeDingTalk} answers from: a department tree (root {@code 1}),
 * its users and the app. Immutable; build one with {@link #builder()}, read one with
 * {@link #fromYaml(InputStream)} or {@link #fromJson(InputStream)}, or take {@link #demo()}.
 */
public final class FakeOrganization {

	private final String name;

	private final FakeApp app;

	private final Map<Long, FakeDepartment> departments;

	private final Map<String, FakeUser> users;

	private FakeOrganization(Builder builder) {
		this.name = builder.name;
		this.app = builder.app;
		Map<Long, FakeDepartment> departments = new LinkedHashMap<>();
		departments.put(FakeDepartment.ROOT_ID, builder.departments.getOrDefault(FakeDepartment.ROOT_ID,
				FakeDepartment.root(builder.name)));
		departments.putAll(builder.departments);
		for (FakeDepartment department : departments.values()) {
			if (!department.isRoot() && !departments.containsKey(department.parentId())) {
				throw new IllegalArgumentException(
						"Department " + department.id() + " has an unknown parent " + department.parentId());
			}
		}
		for (FakeUser user : builder.users.values()) {
			for (Long deptId : user.deptIds()) {
				if (!departments.containsKey(deptId)) {
					throw new IllegalArgumentException("User " + user.userid() + " is in unknown department " + deptId);
				}
			}
		}
		this.departments = Collections.unmodifiableMap(departments);
		this.users = Collections.unmodifiableMap(new LinkedHashMap<>(builder.users));
	}

	/**
	 * Start an organisation.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A demo organisation, 示例科技: 总部 with 研发部 (and its 前端组), 市场部 and 财务部, eight users
	 * with Chinese names, titles and placeholder avatars, among them an admin ({@code admin01},
	 * 管理员) and the boss ({@code manager01}), and the {@link FakeApp#demo() demo app}.
	 * @return the demo organisation
	 */
	public static FakeOrganization demo() {
		return DemoOrganization.create();
	}

	/**
	 * Read an organisation from YAML (needs SnakeYAML on the class path). See {@code docs/testing.md}
	 * for the layout: {@code name}, {@code app}, {@code departments}, {@code users}.
	 * @param yaml the YAML document
	 * @return the organisation
	 */
	public static FakeOrganization fromYaml(InputStream yaml) {
		return OrganizationReader.fromYaml(yaml);
	}

	/**
	 * Read an organisation from JSON, with the same layout as {@link #fromYaml(InputStream)}.
	 * @param json the JSON document
	 * @return the organisation
	 */
	public static FakeOrganization fromJson(InputStream json) {
		return OrganizationReader.fromJson(json);
	}

	public String name() {
		return this.name;
	}

	public FakeApp app() {
		return this.app;
	}

	/**
	 * All departments, the root first.
	 * @return the departments
	 */
	public List<FakeDepartment> departments() {
		return List.copyOf(this.departments.values());
	}

	public Optional<FakeDepartment> department(long id) {
		return Optional.ofNullable(this.departments.get(id));
	}

	/**
	 * The direct sub-departments of a department.
	 * @param parentId the parent's {@code dept_id}
	 * @return the children, in order
	 */
	public List<FakeDepartment> children(long parentId) {
		return this.departments.values().stream()
			.filter((department) -> department.parentId() != null && department.parentId() == parentId)
			.sorted((a, b) -> Long.compare(a.order(), b.order()))
			.toList();
	}

	/**
	 * A department and all departments below it.
	 * @param id the {@code dept_id}
	 * @return the ids, the department itself first
	 */
	public List<Long> subtree(long id) {
		List<Long> ids = new ArrayList<>();
		ids.add(id);
		for (int i = 0; i < ids.size(); i++) {
			for (FakeDepartment child : children(ids.get(i))) {
				ids.add(child.id());
			}
		}
		return ids;
	}

	/**
	 * All users, in the order they were added.
	 * @return the users
	 */
	public List<FakeUser> users() {
		return List.copyOf(this.users.values());
	}

	public Optional<FakeUser> user(String userid) {
		return Optional.ofNullable(this.users.get(userid));
	}

	public Optional<FakeUser> userByUnionid(String unionid) {
		return this.users.values().stream().filter((user) -> user.unionid().equals(unionid)).findFirst();
	}

	/**
	 * The users directly in a department (not in its sub-departments).
	 * @param deptId the {@code dept_id}
	 * @return the users
	 */
	public List<FakeUser> members(long deptId) {
		return this.users.values().stream().filter((user) -> user.deptIds().contains(deptId)).toList();
	}

	/**
	 * The organisation's admins.
	 * @return the users with {@code admin} set
	 */
	public List<FakeUser> admins() {
		return this.users.values().stream().filter(FakeUser::admin).toList();
	}

	@Override
	public String toString() {
		return "FakeOrganization{name=" + this.name + ", departments=" + this.departments.size() + ", users="
				+ this.users.size() + ", app=" + this.app + "}";
	}

	/**
	 * Builds a {@link FakeOrganization}.
	 */
	public static final class Builder {

		private String name = "示例科技";

		private FakeApp app = FakeApp.demo();

		private final Map<Long, FakeDepartment> departments = new LinkedHashMap<>();

		private final Map<String, FakeUser> users = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Set the organisation's name, also the root department's name unless a root is added.
		 * @param name the name
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder app(FakeApp app) {
			this.app = app;
			return this;
		}

		/**
		 * Set the app.
		 * @param appKey the app key
		 * @param appSecret the app secret
		 * @param corpId the corp id
		 * @param corpSecret the legacy corp secret
		 * @param agentId the agent id
		 * @return this builder
		 */
		public Builder app(String appKey, String appSecret, String corpId, String corpSecret, long agentId) {
			return app(new FakeApp(appKey, appSecret, corpId, corpSecret, agentId));
		}

		public Builder department(FakeDepartment department) {
			if (this.departments.putIfAbsent(department.id(), department) != null) {
				throw new IllegalArgumentException("Duplicate department id " + department.id());
			}
			return this;
		}

		public Builder department(long id, String name, long parentId) {
			return department(FakeDepartment.of(id, name, parentId));
		}

		public Builder user(FakeUser user) {
			if (this.users.putIfAbsent(user.userid(), user) != null) {
				throw new IllegalArgumentException("Duplicate userid " + user.userid());
			}
			return this;
		}

		public FakeOrganization build() {
			return new FakeOrganization(this);
		}

	}

}
