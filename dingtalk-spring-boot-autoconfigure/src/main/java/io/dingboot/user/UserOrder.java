package io.dingboot.user;

/**
 * Order of the users listed by {@code /topapi/user/listsimple} ({@code order_field}).
 */
public enum UserOrder {

	/** By date of joining, earliest first. */
	ENTRY_ASC,

	/** By date of joining, latest first. */
	ENTRY_DESC,

	/** By last modification, earliest first. */
	MODIFY_ASC,

	/** By last modification, latest first. */
	MODIFY_DESC,

	/** The order set in the DingTalk admin console (DingTalk's default). */
	CUSTOM;

	String wireValue() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
