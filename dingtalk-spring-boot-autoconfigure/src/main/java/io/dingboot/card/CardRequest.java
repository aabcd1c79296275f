package io.dingboot.card;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A card to create and deliver: its template, id, data and where it goes.
 * <pre class="code">
 * CardRequest request = CardRequest.builder("your-template-id.schema")
 *     .data(Map.of("title", "Build #42", "passed", true))
 *     .to(CardTarget.group(openConversationId))
 *     .build();
 * </pre>
 */
public final class CardRequest {

	/** Card callbacks over Stream mode. */
	public static final String CALLBACK_STREAM = "STREAM";

	/** Card callbacks over HTTP (needs a callback route key). */
	public static final String CALLBACK_HTTP = "HTTP";

	private final String cardTemplateId;

	private final String outTrackId;

	private final @Nullable String callbackType;

	private final @Nullable String callbackRouteKey;

	private final Map<String, String> data;

	private final List<CardTarget> targets;

	private final Map<String, String> atUsers;

	private final @Nullable String robotCode;

	private final boolean supportForward;

	private CardRequest(Builder builder) {
		this.cardTemplateId = builder.cardTemplateId;
		this.outTrackId = (builder.outTrackId != null) ? builder.outTrackId : UUID.randomUUID().toString();
		this.callbackType = builder.callbackType;
		this.callbackRouteKey = builder.callbackRouteKey;
		this.data = new LinkedHashMap<>(builder.data);
		this.targets = List.copyOf(builder.targets);
		this.atUsers = new LinkedHashMap<>(builder.atUsers);
		this.robotCode = builder.robotCode;
		this.supportForward = builder.supportForward;
	}

	/**
	 * Start a request for a card of {@code cardTemplateId}.
	 * @param cardTemplateId the template's id from the card platform
	 * @return a builder
	 */
	public static Builder builder(String cardTemplateId) {
		return new Builder(cardTemplateId);
	}

	public String cardTemplateId() {
		return this.cardTemplateId;
	}

	/**
	 * The card's id: the one given, or a random UUID.
	 * @return the id
	 */
	public String outTrackId() {
		return this.outTrackId;
	}

	public List<CardTarget> targets() {
		return this.targets;
	}

	@Nullable String robotCode() {
		return this.robotCode;
	}

	/**
	 * The wire body of {@code /v1.0/card/instances/createAndDeliver}.
	 * @param robotCode the robot that delivers to groups and robot chats, or {@code null} when no
	 * target needs one
	 */
	Map<String, Object> body(@Nullable String robotCode) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("cardTemplateId", this.cardTemplateId);
		body.put("outTrackId", this.outTrackId);
		if (this.callbackType != null) {
			body.put("callbackType", this.callbackType);
		}
		if (this.callbackRouteKey != null) {
			body.put("callbackRouteKey", this.callbackRouteKey);
		}
		body.put("cardData", Map.of("cardParamMap", new LinkedHashMap<>(this.data)));
		body.put("openSpaceId", "dtv1.card//"
				+ String.join(";", this.targets.stream().map(CardTarget::openSpaceIdPart).toList()));
		CardTarget topBar = null;
		boolean group = false;
		boolean robotChat = false;
		List<String> topBarUsers = new ArrayList<>();
		for (CardTarget target : this.targets) {
			switch (target.spaceType()) {
				case CardTarget.IM_GROUP -> group = true;
				case CardTarget.IM_ROBOT -> robotChat = true;
				default -> {
					topBar = (topBar == null) ? target : topBar;
					topBarUsers.addAll(target.userIds());
				}
			}
		}
		if (group) {
			body.put("imGroupOpenSpaceModel", Map.of("supportForward", this.supportForward));
			Map<String, Object> deliver = new LinkedHashMap<>();
			deliver.put("robotCode", robotCode);
			if (!this.atUsers.isEmpty()) {
				deliver.put("atUserIds", this.atUsers);
			}
			body.put("imGroupOpenDeliverModel", deliver);
		}
		if (robotChat) {
			body.put("imRobotOpenSpaceModel", Map.of("supportForward", this.supportForward));
			Map<String, Object> deliver = new LinkedHashMap<>();
			deliver.put("spaceType", CardTarget.IM_ROBOT);
			deliver.put("robotCode", robotCode);
			body.put("imRobotOpenDeliverModel", deliver);
		}
		if (topBar != null) {
			body.put("topOpenSpaceModel", Map.of("spaceType", CardTarget.ONE_BOX));
			Map<String, Object> deliver = new LinkedHashMap<>();
			deliver.put("expiredTimeMillis", topBar.expiresAt().toEpochMilli());
			if (!topBarUsers.isEmpty()) {
				deliver.put("userIds", topBarUsers);
			}
			body.put("topOpenDeliverModel", deliver);
		}
		return body;
	}

	boolean needsRobot() {
		return this.targets.stream().anyMatch((target) -> !CardTarget.ONE_BOX.equals(target.spaceType()));
	}

	@Override
	public String toString() {
		return "CardRequest{" + this.cardTemplateId + ", outTrackId=" + this.outTrackId + ", " + this.targets.size()
				+ " target(s)}";
	}

	/**
	 * Builds a {@link CardRequest}.
	 */
	public static final class Builder {

		private final String cardTemplateId;

		private @Nullable String outTrackId;

		private @Nullable String callbackType;

		private @Nullable String callbackRouteKey;

		private final Map<String, String> data = new LinkedHashMap<>();

		private final List<CardTarget> targets = new ArrayList<>();

		private final Map<String, String> atUsers = new LinkedHashMap<>();

		private @Nullable String robotCode;

		private boolean supportForward = true;

		private Builder(String cardTemplateId) {
			Assert.hasText(cardTemplateId, "'cardTemplateId' must not be empty");
			this.cardTemplateId = cardTemplateId;
		}

		/**
		 * Set the card's id (a new card needs a new id); a random UUID when not set.
		 * @param outTrackId the id
		 * @return this builder
		 */
		public Builder outTrackId(String outTrackId) {
			Assert.hasText(outTrackId, "'outTrackId' must not be empty");
			this.outTrackId = outTrackId;
			return this;
		}

		/**
		 * Receive the card's callbacks over Stream mode ({@code callbackType STREAM}).
		 * @return this builder
		 */
		public Builder streamCallbacks() {
			this.callbackType = CALLBACK_STREAM;
			this.callbackRouteKey = null;
			return this;
		}

		/**
		 * Receive the card's callbacks over HTTP, routed by {@code callbackRouteKey}.
		 * @param callbackRouteKey the route key registered with {@code /v1.0/card/callbacks/register}
		 * @return this builder
		 */
		public Builder httpCallbacks(String callbackRouteKey) {
			Assert.hasText(callbackRouteKey, "'callbackRouteKey' must not be empty");
			this.callbackType = CALLBACK_HTTP;
			this.callbackRouteKey = callbackRouteKey;
			return this;
		}

		/**
		 * Add the card's public data ({@code cardParamMap}); values that are not strings are sent
		 * as JSON text ({@code 1}, {@code true}, {@code ["a","b"]}).
		 * @param data the variables
		 * @return this builder
		 */
		public Builder data(Map<String, ?> data) {
			this.data.putAll(CardParams.strings(data));
			return this;
		}

		/**
		 * Add a variable of the card's public data.
		 * @param key the variable
		 * @param value its value, sent as text
		 * @return this builder
		 */
		public Builder data(String key, @Nullable Object value) {
			Assert.hasText(key, "'key' must not be empty");
			this.data.put(key, CardParams.string(value));
			return this;
		}

		/**
		 * Deliver the card to {@code target} (several targets go in one {@code openSpaceId}).
		 * @param target the place
		 * @return this builder
		 */
		public Builder to(CardTarget target) {
			Assert.notNull(target, "'target' must not be null");
			this.targets.add(target);
			return this;
		}

		/**
		 * Mention a user with the card in groups.
		 * @param userId the userid
		 * @param name the name shown
		 * @return this builder
		 */
		public Builder at(String userId, String name) {
			this.atUsers.put(userId, name);
			return this;
		}

		/**
		 * Mention everyone in groups.
		 * @return this builder
		 */
		public Builder atAll() {
			this.atUsers.put("@ALL", "@ALL");
			return this;
		}

		/**
		 * Deliver as this robot instead of the app's.
		 * @param robotCode the robot
		 * @return this builder
		 */
		public Builder robotCode(String robotCode) {
			Assert.hasText(robotCode, "'robotCode' must not be empty");
			this.robotCode = robotCode;
			return this;
		}

		/**
		 * Say whether the card may be forwarded (default {@code true}).
		 * @param supportForward whether it may be forwarded
		 * @return this builder
		 */
		public Builder supportForward(boolean supportForward) {
			this.supportForward = supportForward;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalStateException when no target was given
		 */
		public CardRequest build() {
			Assert.state(!this.targets.isEmpty(), "a card needs at least one target");
			return new CardRequest(this);
		}

	}

}
