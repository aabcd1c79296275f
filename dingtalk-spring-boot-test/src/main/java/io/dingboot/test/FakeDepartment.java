package io.dingboot.test;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A department of a {@link FakeOrganization}. The root department has id {@code 1} and no
 * parent.
 *
 * @param id the {@code dept_id}
 * @param name the name
 * @param parentId the parent's {@code dept_id}, {@code null} for the root
 * @param order the sort order among its siblings
 * @param createDeptGroup whether a department group chat is created
 * @param autoAddUser whether new members join the department group chat
 * @param sourceIdentifier the source identifier, or {@code null}
 */
public record FakeDepartment(long id, String name, @Nullable Long parentId, long order, boolean createDeptGroup,
		boolean autoAddUser, @Nullable String sourceIdentifier) {

	/** {@code dept_id} of the root department. */
	public static final long ROOT_ID = 1L;

	public FakeDepartment {
		Objects.requireNonNull(name, "name");
		if (id < 1) {
			throw new IllegalArgumentException("Department id must be >= 1, got " + id);
		}
		if (id == ROOT_ID && parentId != null) {
			throw new IllegalArgumentException("The root department (id 1) has no parent");
		}
		if (id != ROOT_ID && parentId == null) {
			throw new IllegalArgumentException("Department " + id + " needs a parent");
		}
	}

	/**
	 * A department under {@code parentId}.
	 * @param id the {@code dept_id}
	 * @param name the name
	 * @param parentId the parent's {@code dept_id}
	 * @return the department
	 */
	public static FakeDepartment of(long id, String name, long parentId) {
		return new FakeDepartment(id, name, parentId, id, true, true, null);
	}

	/**
	 * The root department, named after the organisation.
	 * @param name the organisation's name
	 * @return the root department
	 */
	public static FakeDepartment root(String name) {
		return new FakeDepartment(ROOT_ID, name, null, 0, false, false, null);
	}

	/**
	 * Whether this is the root department.
	 * @return whether the id is 1
	 */
	public boolean isRoot() {
		return this.id == ROOT_ID;
	}

}
