package io.dingboot.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One work notification (工作通知) to send: its receivers, its message, and optionally the
 * AgentId to send it as.
 * <pre class="code">
 * WorkNotification.toUsers("zhangsan", "lisi").message(Message.text("月会通知")).build();
 * WorkNotification.toDepartments(1001L).message(Message.markdown("周报", "# 本周")).agentId(123L).build();
 * WorkNotification.toAllUsers().message(Message.text("全员通知")).build();
 * </pre>
 */
public final class WorkNotification {

	private final List<String> userIds;

	private final List<Long> deptIds;

	private final boolean toAllUser;

	private final @Nullable Message message;

	private final @Nullable Long agentId;

	private WorkNotification(Builder builder) {
		this.userIds = List.copyOf(builder.userIds);
		this.deptIds = List.copyOf(builder.deptIds);
		this.toAllUser = builder.toAllUser;
		this.message = builder.message;
		this.agentId = builder.agentId;
	}

	/**
	 * Start a notification to users.
	 * @param userIds the userids
	 * @return a builder
	 */
	public static Builder toUsers(String... userIds) {
		return new Builder().toUsers(userIds);
	}

	/**
	 * Start a notification to users.
	 * @param userIds the userids
	 * @return a builder
	 */
	public static Builder toUsers(Collection<String> userIds) {
		return new Builder().toUsers(userIds);
	}

	/**
	 * Start a notification to departments (their sub-departments included).
	 * @param deptIds the department ids
	 * @return a builder
	 */
	public static Builder toDepartments(Long... deptIds) {
		return new Builder().toDepartments(deptIds);
	}

	/**
	 * Start a notification to departments (their sub-departments included).
	 * @param deptIds the department ids
	 * @return a builder
	 */
	public static Builder toDepartments(Collection<Long> deptIds) {
		return new Builder().toDepartments(deptIds);
	}

	/**
	 * Start a notification to everyone in the organisation.
	 * @return a builder
	 */
	public static Builder toAllUsers() {
		Builder builder = new Builder();
		builder.toAllUser = true;
		return builder;
	}

	public List<String> userIds() {
		return this.userIds;
	}

	public List<Long> deptIds() {
		return this.deptIds;
	}

	public boolean toAllUser() {
		return this.toAllUser;
	}

	public @Nullable Message message() {
		return this.message;
	}

	public @Nullable Long agentId() {
		return this.agentId;
	}

	@Override
	public String toString() {
		return "WorkNotification{users=" + this.userIds.size() + ", departments=" + this.deptIds.size()
				+ ", toAllUser=" + this.toAllUser + ", msgtype=" + ((this.message != null) ? this.message.msgtype() : null)
				+ "}";
	}

	/**
	 * Builds a {@link WorkNotification}.
	 */
	public static final class Builder {

		private final List<String> userIds = new ArrayList<>();

		private final List<Long> deptIds = new ArrayList<>();

		private boolean toAllUser;

		private @Nullable Message message;

		private @Nullable Long agentId;

		private Builder() {
		}

		/**
		 * Add users.
		 * @param userIds the userids
		 * @return this builder
		 */
		public Builder toUsers(String... userIds) {
			return toUsers(Arrays.asList(userIds));
		}

		/**
		 * Add users.
		 * @param userIds the userids
		 * @return this builder
		 */
		public Builder toUsers(Collection<String> userIds) {
			this.userIds.addAll(userIds);
			return this;
		}

		/**
		 * Add departments.
		 * @param deptIds the department ids
		 * @return this builder
		 */
		public Builder toDepartments(Long... deptIds) {
			return toDepartments(Arrays.asList(deptIds));
		}

		/**
		 * Add departments.
		 * @param deptIds the department ids
		 * @return this builder
		 */
		public Builder toDepartments(Collection<Long> deptIds) {
			this.deptIds.addAll(deptIds);
			return this;
		}

		/**
		 * Set the message.
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(Message message) {
			this.message = message;
			return this;
		}

		/**
		 * Send as this AgentId rather than {@code dingtalk.agent-id}.
		 * @param agentId the AgentId
		 * @return this builder
		 */
		public Builder agentId(long agentId) {
			this.agentId = agentId;
			return this;
		}

		public WorkNotification build() {
			return new WorkNotification(this);
		}

	}

}
