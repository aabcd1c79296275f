package io.dingboot.robot;

import org.jspecify.annotations.Nullable;

/**
 * The kind of conversation a robot message arrived in ({@code conversationType} on the wire).
 */
public enum ConversationType {

	/** A single chat with the robot ({@code "1"}). */
	SINGLE("1"),

	/** A group chat ({@code "2"}). */
	GROUP("2");

	private final String wireValue;

	ConversationType(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The value DingTalk sends: {@code "1"} or {@code "2"}.
	 * @return the wire value
	 */
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * The type DingTalk's {@code conversationType} names (a string, sometimes a number).
	 * @param wireValue {@code "1"} or {@code "2"}
	 * @return the type
	 * @throws IllegalArgumentException for any other value
	 */
	public static ConversationType of(@Nullable Object wireValue) {
		String value = (wireValue != null) ? wireValue.toString().trim() : "";
		for (ConversationType type : values()) {
			if (type.wireValue.equals(value)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown conversationType '" + value + "' (1 = single chat, 2 = group)");
	}

}
