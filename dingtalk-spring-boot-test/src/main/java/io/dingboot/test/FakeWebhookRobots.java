package io.dingboot.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The custom group robots (自定义机器人) of a {@link FakeDingTalk} and what they sent. The fake's
 * {@code /robot/send} checks each message as DingTalk does: a known {@code access_token}
 * ({@code 300001} otherwise), the sign and a timestamp within one hour of the fake's clock for a
 * robot with a secret, one of the robot's keywords ({@code 310000} otherwise), and at most 20
 * messages in any rolling minute: the 21st blocks the robot for 10 minutes, each message in them
 * answered {@code 130101} (or {@link #throttleErrcode(int) 410100}). With
 * {@link AutoConfigureFakeDingTalk} the fake knows the application's {@code dingtalk.robots.*}.
 * <pre class="code">
 * fake.webhookRobots().add(FakeWebhookRobot.of("alerts", "token-1", "SECxxx", "告警"));
 * ...
 * assertThat(fake.webhookRobots().messages("alerts")).extracting(RobotWebhookMessage::text).containsExactly("告警 disk full");
 * </pre>
 */
public final class FakeWebhookRobots {

	/** Messages a robot may send in any rolling minute. */
	public static final int MAX_MESSAGES_PER_MINUTE = 20;

	/** How long DingTalk blocks a robot that sent too many. */
	public static final Duration BLOCK = Duration.ofMinutes(10);

	private final Clock clock;

	private final RecentRecords<RobotWebhookMessage> messages;

	private final Map<String, FakeWebhookRobot> added = new LinkedHashMap<>();

	private final Map<String, Deque<Instant>> accepted = new HashMap<>();

	private final Map<String, Instant> blockedUntil = new HashMap<>();

	private Supplier<List<FakeWebhookRobot>> learned = List::of;

	private List<FakeWebhookRobot> learnedRobots;

	private int throttleErrcode = 130101;

	FakeWebhookRobots(Clock clock, int recordCapacity) {
		this.clock = clock;
		this.messages = new RecentRecords<>(recordCapacity);
	}

	/**
	 * Add a robot (or replace the one with the same access token).
	 * @param robot the robot
	 * @return this
	 */
	public synchronized FakeWebhookRobots add(FakeWebhookRobot robot) {
		Objects.requireNonNull(robot, "robot");
		this.added.put(robot.accessToken(), robot);
		return this;
	}

	/**
	 * The robots the fake knows: those added, then those of the application.
	 * @return the robots
	 */
	public synchronized List<FakeWebhookRobot> robots() {
		List<FakeWebhookRobot> robots = new ArrayList<>(this.added.values());
		for (FakeWebhookRobot robot : learned()) {
			if (!this.added.containsKey(robot.accessToken())) {
				robots.add(robot);
			}
		}
		return robots;
	}

	/**
	 * Set the errcode of a throttled message: {@code 130101} (what DingTalk answers in practice) by
	 * default, or {@code 410100} (what its documentation lists).
	 * @param errcode the errcode
	 * @return this
	 */
	public synchronized FakeWebhookRobots throttleErrcode(int errcode) {
		this.throttleErrcode = errcode;
		return this;
	}

	/**
	 * The accepted messages of every robot, oldest first.
	 * @return the messages
	 */
	public synchronized List<RobotWebhookMessage> messages() {
		return this.messages.all();
	}

	/**
	 * The accepted messages of one robot, oldest first.
	 * @param robot the robot's name
	 * @return the messages
	 */
	public List<RobotWebhookMessage> messages(String robot) {
		return messages().stream().filter((message) -> message.robot().equals(robot)).toList();
	}

	/**
	 * Whether a robot is blocked now for having sent too many messages.
	 * @param robot the robot's name
	 * @return whether it is blocked
	 */
	public synchronized boolean isBlocked(String robot) {
		for (FakeWebhookRobot known : robots()) {
			Instant until = this.blockedUntil.get(known.accessToken());
			if (known.name().equals(robot) && until != null && this.clock.instant().isBefore(until)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Forget the messages, the rate windows and the blocks; the robots stay.
	 */
	public synchronized void reset() {
		this.messages.clear();
		this.accepted.clear();
		this.blockedUntil.clear();
	}

	synchronized void clearMessages() {
		this.messages.clear();
	}

	synchronized void learnFrom(Supplier<List<FakeWebhookRobot>> source) {
		this.learned = source;
		this.learnedRobots = null;
	}

	synchronized FakeWebhookRobot find(String accessToken) {
		FakeWebhookRobot robot = this.added.get(accessToken);
		if (robot != null) {
			return robot;
		}
		for (FakeWebhookRobot candidate : learned()) {
			if (candidate.accessToken().equals(accessToken)) {
				return candidate;
			}
		}
		return null;
	}

	private List<FakeWebhookRobot> learned() {
		if (this.learnedRobots == null) {
			this.learnedRobots = List.copyOf(this.learned.get());
		}
		return this.learnedRobots;
	}

	/**
	 * Count a message against the robot's minute, or refuse it.
	 * @return {@code 0} when admitted, else the errcode to answer
	 */
	synchronized int admit(FakeWebhookRobot robot, Instant now) {
		Instant until = this.blockedUntil.get(robot.accessToken());
		if (until != null && now.isBefore(until)) {
			return this.throttleErrcode;
		}
		Deque<Instant> times = this.accepted.computeIfAbsent(robot.accessToken(), (token) -> new ArrayDeque<>());
		Instant windowStart = now.minus(Duration.ofMinutes(1));
		while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
			times.pollFirst();
		}
		if (times.size() >= MAX_MESSAGES_PER_MINUTE) {
			this.blockedUntil.put(robot.accessToken(), now.plus(BLOCK));
			return this.throttleErrcode;
		}
		times.addLast(now);
		return 0;
	}

	synchronized void record(RobotWebhookMessage message) {
		this.messages.add(message);
	}

	Clock clock() {
		return this.clock;
	}

}
