package io.dingboot.card;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * DingTalk's answer to a create-and-deliver: the card's id and, per place, whether it arrived.
 * DingTalk answers HTTP 200 even when a place refused the card: check {@link #failures()}.
 *
 * @param outTrackId the card's id, for updates and streaming
 * @param results one result per place
 */
public record CardDelivery(String outTrackId, List<SpaceResult> results) {

	public CardDelivery {
		results = List.copyOf(results);
	}

	/**
	 * The places the card did not reach.
	 * @return the failed results
	 */
	public List<SpaceResult> failures() {
		return this.results.stream().filter((result) -> !result.success()).toList();
	}

	/**
	 * Whether every place took the card.
	 * @return whether there is no failure
	 */
	public boolean deliveredEverywhere() {
		return failures().isEmpty();
	}

	/**
	 * The delivery to one place.
	 *
	 * @param spaceType the space type, e.g. {@code IM_GROUP}
	 * @param spaceId the space id
	 * @param success whether the card arrived
	 * @param carrierId the message carrying it (the processQueryKey in chats), or {@code null}
	 * @param errorMessage DingTalk's reason when it failed, or {@code null}
	 */
	public record SpaceResult(@Nullable String spaceType, @Nullable String spaceId, boolean success,
			@Nullable String carrierId, @Nullable String errorMessage) {
	}

}
