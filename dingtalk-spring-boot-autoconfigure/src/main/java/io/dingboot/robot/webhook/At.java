package io.dingboot.robot.webhook;

import java.util.List;

import org.springframework.util.Assert;

/**
 * Whom a text or markdown message mentions ({@code at}). DingTalk turns a mention into a
 * notification only when the mobile number or user id also appears in the message text, e.g.
 * {@code "@13800000000 disk full"}; at most 50 people may be mentioned.
 *
 * @param atMobiles mobile numbers of the people to mention
 * @param atUserIds user ids of the people to mention
 * @param atAll whether to mention everyone in the group ({@code isAtAll})
 */
public record At(List<String> atMobiles, List<String> atUserIds, boolean atAll) {

	/** Most people one message may mention. */
	public static final int MAX_MENTIONS = 50;

	private static final At NONE = new At(List.of(), List.of(), false);

	public At {
		atMobiles = List.copyOf(atMobiles);
		atUserIds = List.copyOf(atUserIds);
		atMobiles.forEach((mobile) -> Assert.hasText(mobile, "'atMobiles' must not hold a blank mobile"));
		atUserIds.forEach((userId) -> Assert.hasText(userId, "'atUserIds' must not hold a blank user id"));
		int mentions = atMobiles.size() + atUserIds.size();
		Assert.isTrue(mentions <= MAX_MENTIONS,
				() -> "A robot message may mention at most " + MAX_MENTIONS + " people, not " + mentions);
	}

	/**
	 * Mention nobody.
	 * @return an empty mention
	 */
	public static At none() {
		return NONE;
	}

	/**
	 * Mention everyone in the group.
	 * @return the mention
	 */
	public static At all() {
		return new At(List.of(), List.of(), true);
	}

	/**
	 * Mention people by mobile number.
	 * @param mobiles the mobile numbers
	 * @return the mention
	 */
	public static At mobiles(String... mobiles) {
		return new At(List.of(mobiles), List.of(), false);
	}

	/**
	 * Mention people by user id.
	 * @param userIds the user ids
	 * @return the mention
	 */
	public static At userIds(String... userIds) {
		return new At(List.of(), List.of(userIds), false);
	}

	/**
	 * Whether this mentions nobody.
	 * @return whether it is empty
	 */
	public boolean isEmpty() {
		return this.atMobiles.isEmpty() && this.atUserIds.isEmpty() && !this.atAll;
	}

}
