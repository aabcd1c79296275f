package io.dingboot.card;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A place a card is delivered to: a group, a robot single chat, or a group's top bar. DingTalk
 * names it in {@code openSpaceId} as {@code <SpaceType>.<SpaceId>}, e.g.
 * {@code IM_GROUP.cid6KeBBLoveMJOGXoYKF5x7EeiodoA==}.
 *
 * @param spaceType DingTalk's space type: {@code IM_GROUP}, {@code IM_ROBOT} or {@code ONE_BOX}
 * @param spaceId the group's openConversationId, or the user's userid for {@code IM_ROBOT}
 * @param expiresAt when a top-bar card disappears ({@code ONE_BOX} only), else {@code null}
 * @param userIds who sees a top-bar card (empty: everyone in the group)
 */
public record CardTarget(String spaceType, String spaceId, @Nullable Instant expiresAt, List<String> userIds) {

	/** A group chat. */
	public static final String IM_GROUP = "IM_GROUP";

	/** The single chat of a user with the robot. */
	public static final String IM_ROBOT = "IM_ROBOT";

	/** The top bar of a group (吊顶). */
	public static final String ONE_BOX = "ONE_BOX";

	public CardTarget {
		Assert.isTrue(IM_GROUP.equals(spaceType) || IM_ROBOT.equals(spaceType) || ONE_BOX.equals(spaceType),
				"'spaceType' must be IM_GROUP, IM_ROBOT or ONE_BOX");
		Assert.hasText(spaceId, "'spaceId' must not be empty");
		Assert.isTrue(!spaceId.contains(";"), "'spaceId' must not contain ';'");
		Assert.isTrue(!ONE_BOX.equals(spaceType) || expiresAt != null, "a top-bar card needs an expiry");
		userIds = List.copyOf(userIds);
	}

	/**
	 * A group the robot is in, the card sent as the robot.
	 * @param openConversationId the group
	 * @return the target
	 */
	public static CardTarget group(String openConversationId) {
		return new CardTarget(IM_GROUP, openConversationId, null, List.of());
	}

	/**
	 * The single chat of a user with the robot.
	 * @param userId the user's userid
	 * @return the target
	 */
	public static CardTarget robotChat(String userId) {
		return new CardTarget(IM_ROBOT, userId, null, List.of());
	}

	/**
	 * The top bar of a group, until {@code expiresAt}.
	 * @param openConversationId the group
	 * @param expiresAt when the card disappears
	 * @param userIds who sees it; none for everyone in the group
	 * @return the target
	 */
	public static CardTarget groupTopBar(String openConversationId, Instant expiresAt, String... userIds) {
		return new CardTarget(ONE_BOX, openConversationId, expiresAt, List.of(userIds));
	}

	/**
	 * The target as it appears in {@code openSpaceId}.
	 * @return {@code <SpaceType>.<SpaceId>}
	 */
	public String openSpaceIdPart() {
		return this.spaceType + "." + this.spaceId;
	}

}
