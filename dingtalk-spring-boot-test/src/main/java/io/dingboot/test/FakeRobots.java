package io.dingboot.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The app robot and cards of a {@link FakeDingTalk}: what robots sent (through the v1.0 send APIs
 * and through session webhooks), the session webhooks the fake handed out, and every card with its
 * current state.
 * <pre class="code">
 * FakeRobots.SessionWebhook webhook = fake.robots().openSessionWebhook();
 * // hand webhook.url() and webhook.expiredTime() to the code under test as a received message would
 * assertThat(fake.robots().webhookReplies()).hasSize(1);
 * assertThat(fake.card(outTrackId).status()).isEqualTo(FakeCard.FINISHED);
 * </pre>
 */
public final class FakeRobots {

	/** How long a session webhook stays valid unless said otherwise: 90 minutes, as DingTalk's. */
	public static final Duration DEFAULT_SESSION_WEBHOOK_LIFETIME = Duration.ofMinutes(90);

	static final String SESSION_PATH = "/robot/sendBySession";

	private final FakeState state;

	private final Supplier<String> baseUrl;

	private final List<Message> messages = new ArrayList<>();

	private final List<WebhookReply> webhookReplies = new ArrayList<>();

	private final Map<String, Instant> sessions = new LinkedHashMap<>();

	private final Set<String> throttledUsers = new HashSet<>();

	private final Map<String, String> failingSpaces = new LinkedHashMap<>();

	private final Map<String, CardState> cards = new LinkedHashMap<>();

	private Duration sessionWebhookLifetime = DEFAULT_SESSION_WEBHOOK_LIFETIME;

	FakeRobots(FakeState state, Supplier<String> baseUrl) {
		this.state = state;
		this.baseUrl = baseUrl;
	}

	/**
	 * Hand out a session webhook as DingTalk puts one in a received message, valid for the
	 * configured lifetime from the fake's clock.
	 * @return the webhook
	 */
	public SessionWebhook openSessionWebhook() {
		return openSessionWebhook(sessionWebhookLifetime());
	}

	/**
	 * Hand out a session webhook valid for {@code lifetime}; after it the webhook answers errcode
	 * 300001 "session 不存在".
	 * @param lifetime how long it stays valid
	 * @return the webhook
	 */
	public synchronized SessionWebhook openSessionWebhook(Duration lifetime) {
		Objects.requireNonNull(lifetime, "lifetime");
		String session = RandomIds.hex(32);
		Instant expiresAt = this.state.clock.instant().plus(lifetime);
		this.sessions.put(session, expiresAt);
		return new SessionWebhook(this.baseUrl.get() + SESSION_PATH + "?session=" + session, session, expiresAt);
	}

	/**
	 * Set how long session webhooks handed out from now on stay valid.
	 * @param lifetime the lifetime
	 */
	public synchronized void setSessionWebhookLifetime(Duration lifetime) {
		if (lifetime == null || lifetime.isNegative()) {
			throw new IllegalArgumentException("lifetime must not be negative");
		}
		this.sessionWebhookLifetime = lifetime;
	}

	synchronized Duration sessionWebhookLifetime() {
		return this.sessionWebhookLifetime;
	}

	/**
	 * Throttle a user: the one-to-one send API answers with the user in
	 * {@code flowControlledStaffIdList} and does not deliver to them.
	 * @param userId the user
	 */
	public synchronized void throttleUser(String userId) {
		this.throttledUsers.add(Objects.requireNonNull(userId, "userId"));
	}

	/**
	 * Make card deliveries to one place fail ({@code success=false} in a 200 answer).
	 * @param spaceId the group's openConversationId or the user's userid
	 * @param errorMsg the reason the answer gives
	 */
	public synchronized void failCardDeliveriesTo(String spaceId, String errorMsg) {
		this.failingSpaces.put(Objects.requireNonNull(spaceId, "spaceId"), Objects.requireNonNull(errorMsg, "errorMsg"));
	}

	/**
	 * The messages robots sent through the v1.0 send APIs, oldest first, recalled ones included.
	 * @return the messages
	 */
	public synchronized List<Message> messages() {
		return List.copyOf(this.messages);
	}

	/**
	 * The messages sent to one group.
	 * @param openConversationId the group
	 * @return the messages, oldest first
	 */
	public List<Message> groupMessages(String openConversationId) {
		return messages().stream().filter((message) -> openConversationId.equals(message.openConversationId())).toList();
	}

	/**
	 * The one-to-one messages that reached one user.
	 * @param userId the user
	 * @return the messages, oldest first
	 */
	public List<Message> messagesTo(String userId) {
		return messages().stream().filter((message) -> message.userIds().contains(userId)).toList();
	}

	/**
	 * The replies posted to session webhooks, oldest first.
	 * @return the replies
	 */
	public synchronized List<WebhookReply> webhookReplies() {
		return List.copyOf(this.webhookReplies);
	}

	/**
	 * A card's current state.
	 * @param outTrackId the card's id
	 * @return the card, or {@code null} when none was created with that id
	 */
	public synchronized FakeCard card(String outTrackId) {
		CardState card = this.cards.get(outTrackId);
		return (card != null) ? card.snapshot() : null;
	}

	/**
	 * Every card created, oldest first.
	 * @return the cards
	 */
	public synchronized List<FakeCard> cards() {
		return this.cards.values().stream().map(CardState::snapshot).toList();
	}

	synchronized void clear() {
		this.messages.clear();
		this.webhookReplies.clear();
		this.cards.clear();
	}

	synchronized void reset() {
		clear();
		this.sessions.clear();
		this.throttledUsers.clear();
		this.failingSpaces.clear();
		this.sessionWebhookLifetime = DEFAULT_SESSION_WEBHOOK_LIFETIME;
	}

	// --- used by the endpoints

	synchronized boolean sessionValid(String session) {
		Instant expiresAt = (session != null) ? this.sessions.get(session) : null;
		return expiresAt != null && this.state.clock.instant().isBefore(expiresAt);
	}

	synchronized void addWebhookReply(WebhookReply reply) {
		this.webhookReplies.add(reply);
	}

	synchronized boolean isThrottled(String userId) {
		return this.throttledUsers.contains(userId);
	}

	synchronized String deliveryFailure(String spaceId) {
		return this.failingSpaces.get(spaceId);
	}

	synchronized void addMessage(Message message) {
		this.messages.add(message);
	}

	synchronized Message message(String processQueryKey) {
		return this.messages.stream().filter((message) -> message.processQueryKey().equals(processQueryKey)).findFirst()
			.orElse(null);
	}

	synchronized boolean recall(String processQueryKey) {
		for (int i = 0; i < this.messages.size(); i++) {
			Message message = this.messages.get(i);
			if (message.processQueryKey().equals(processQueryKey) && !message.recalled()) {
				this.messages.set(i, message.recall());
				return true;
			}
		}
		return false;
	}

	synchronized boolean hasCard(String outTrackId) {
		return this.cards.containsKey(outTrackId);
	}

	synchronized void addCard(CardState card) {
		this.cards.put(card.outTrackId, card);
	}

	synchronized CardState cardState(String outTrackId) {
		return this.cards.get(outTrackId);
	}

	Instant now() {
		return this.state.clock.instant();
	}

	@Override
	public synchronized String toString() {
		return "FakeRobots{" + this.messages.size() + " message(s), " + this.webhookReplies.size()
				+ " webhook reply(ies), " + this.cards.size() + " card(s)}";
	}

	/**
	 * A session webhook handed out by the fake.
	 *
	 * @param url the webhook URL ({@code sessionWebhook})
	 * @param session its session id
	 * @param expiresAt when it expires
	 */
	public record SessionWebhook(String url, String session, Instant expiresAt) {

		/**
		 * The expiry as DingTalk sends it ({@code sessionWebhookExpiredTime}).
		 * @return epoch milliseconds
		 */
		public long expiredTime() {
			return this.expiresAt.toEpochMilli();
		}

		@Override
		public String toString() {
			return "SessionWebhook{expiresAt=" + this.expiresAt + "}";
		}

	}

	/**
	 * A reply posted to a session webhook.
	 *
	 * @param session the webhook's session id
	 * @param msgtype the message type, e.g. {@code text}
	 * @param body the whole body
	 * @param at when it arrived (the fake's clock)
	 */
	public record WebhookReply(String session, String msgtype, Map<String, Object> body, Instant at) {
	}

	/**
	 * A message a robot sent through the v1.0 send APIs.
	 *
	 * @param processQueryKey the key the answer gave
	 * @param robotCode the robot
	 * @param msgKey the template
	 * @param msgParam the parameters (parsed from the JSON string sent)
	 * @param openConversationId the group, or {@code null} for a one-to-one send
	 * @param userIds the users it reached (one-to-one sends), empty for groups
	 * @param recalled whether it was recalled
	 * @param sentAt when it arrived (the fake's clock)
	 */
	public record Message(String processQueryKey, String robotCode, String msgKey, Map<String, Object> msgParam,
			String openConversationId, List<String> userIds, boolean recalled, Instant sentAt) {

		/**
		 * Whether it went to a group.
		 * @return whether it has an openConversationId
		 */
		public boolean toGroup() {
			return this.openConversationId != null;
		}

		Message recall() {
			return new Message(this.processQueryKey, this.robotCode, this.msgKey, this.msgParam, this.openConversationId,
					this.userIds, true, this.sentAt);
		}

	}

	/**
	 * A card's mutable state, guarded by the {@link FakeRobots} monitor.
	 */
	static final class CardState {

		final String outTrackId;

		final String cardTemplateId;

		final String openSpaceId;

		final String callbackType;

		final Map<String, String> data = new LinkedHashMap<>();

		final Map<String, Map<String, String>> privateData = new LinkedHashMap<>();

		final List<FakeCard.Delivery> deliveries;

		final List<FakeCard.StreamingUpdate> streamingUpdates = new ArrayList<>();

		final Set<String> guids = new HashSet<>();

		String status = FakeCard.PROCESSING;

		int updates;

		CardState(String outTrackId, String cardTemplateId, String openSpaceId, String callbackType,
				Map<String, String> data, List<FakeCard.Delivery> deliveries) {
			this.outTrackId = outTrackId;
			this.cardTemplateId = cardTemplateId;
			this.openSpaceId = openSpaceId;
			this.callbackType = callbackType;
			this.data.putAll(data);
			this.deliveries = List.copyOf(deliveries);
		}

		FakeCard snapshot() {
			Map<String, Map<String, String>> users = new LinkedHashMap<>();
			this.privateData.forEach((user, values) -> users.put(user, Map.copyOf(values)));
			return new FakeCard(this.outTrackId, this.cardTemplateId, this.openSpaceId, this.callbackType,
					java.util.Collections.unmodifiableMap(new LinkedHashMap<>(this.data)),
					java.util.Collections.unmodifiableMap(users), this.status, this.deliveries,
					List.copyOf(this.streamingUpdates), this.updates);
		}

	}

}
