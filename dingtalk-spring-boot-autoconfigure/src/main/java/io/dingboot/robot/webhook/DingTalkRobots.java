package io.dingboot.robot.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dingboot.http.DingTalkTransport;
import io.dingboot.http.RetrySettings;

import org.springframework.util.Assert;

/**
 * The custom group robots (自定义机器人) of the application, by name:
 * <pre class="code">
 * robots.get("alerts").sendText("[告警] disk full on db-1");
 * </pre>
 * Robots that share an access token share one rate limiter, the first robot's limit.
 */
public final class DingTalkRobots {

	/**
	 * Retry settings for the transport robots send with: one attempt, as the senders retry
	 * themselves, signing each attempt afresh.
	 */
	public static final RetrySettings NO_TRANSPORT_RETRIES = new RetrySettings(1, Duration.ofMillis(1),
			Duration.ofMillis(1));

	private final Map<String, RobotSender> senders;

	/**
	 * Hold these senders.
	 * @param senders the senders by name
	 */
	public DingTalkRobots(Map<String, ? extends RobotSender> senders) {
		this.senders = Collections.unmodifiableMap(new LinkedHashMap<>(senders));
	}

	/**
	 * Start building robots that send through {@code transport}.
	 * @param transport the transport (its retries are not used: each attempt is signed afresh)
	 * @return a builder
	 */
	public static Builder builder(DingTalkTransport transport) {
		return new Builder(transport);
	}

	/**
	 * The robot named {@code name}.
	 * @param name the name, e.g. {@code alerts}
	 * @return its sender
	 * @throws UnknownRobotException when no robot has that name
	 */
	public RobotSender get(String name) {
		RobotSender sender = this.senders.get(name);
		if (sender == null) {
			throw new UnknownRobotException(name, new ArrayList<>(this.senders.keySet()));
		}
		return sender;
	}

	/**
	 * The names of the robots, in the order they were configured.
	 * @return the names
	 */
	public Set<String> names() {
		return this.senders.keySet();
	}

	@Override
	public String toString() {
		return "DingTalkRobots" + this.senders.keySet();
	}

	/**
	 * Waits for a while; {@code Thread::sleep} unless a test moves time itself.
	 */
	@FunctionalInterface
	public interface Sleeper {

		/**
		 * Wait for {@code duration}.
		 * @param duration how long
		 * @throws InterruptedException when the thread is interrupted while waiting
		 */
		void sleep(Duration duration) throws InterruptedException;

	}

	/**
	 * Builds {@link DingTalkRobots}.
	 */
	public static final class Builder {

		private final DingTalkTransport transport;

		private final List<RobotWebhook> robots = new ArrayList<>();

		private RetrySettings retry = RetrySettings.none();

		private Clock clock = Clock.systemUTC();

		private Sleeper sleeper = (duration) -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

		private Builder(DingTalkTransport transport) {
			Assert.notNull(transport, "'transport' must not be null");
			this.transport = transport;
		}

		/**
		 * Add a robot.
		 * @param robot the robot
		 * @return this builder
		 */
		public Builder robot(RobotWebhook robot) {
			Assert.notNull(robot, "'robot' must not be null");
			Assert.isTrue(this.robots.stream().noneMatch((other) -> other.name().equals(robot.name())),
					() -> "Two robots are named '" + robot.name() + "'");
			this.robots.add(robot);
			return this;
		}

		/**
		 * Set the bounds of retries of busy answers ({@code -1}) and refused connections; none by
		 * default.
		 * @param retry the bounds
		 * @return this builder
		 */
		public Builder retry(RetrySettings retry) {
			Assert.notNull(retry, "'retry' must not be null");
			this.retry = retry;
			return this;
		}

		/**
		 * Set the clock of the timestamps and rate limits; the system clock by default.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			Assert.notNull(clock, "'clock' must not be null");
			this.clock = clock;
			return this;
		}

		/**
		 * Set how senders wait for their rate limit and between retries; {@link Thread#sleep} by
		 * default. A test with a movable clock passes one that moves the clock.
		 * @param sleeper the sleeper
		 * @return this builder
		 */
		public Builder sleeper(Sleeper sleeper) {
			Assert.notNull(sleeper, "'sleeper' must not be null");
			this.sleeper = sleeper;
			return this;
		}

		public DingTalkRobots build() {
			Map<String, RobotRateLimiter> limiters = new HashMap<>();
			Map<String, RobotSender> senders = new LinkedHashMap<>();
			for (RobotWebhook robot : this.robots) {
				RobotRateLimiter limiter = limiters.computeIfAbsent(robot.accessToken(),
						(token) -> new RobotRateLimiter(robot.rateLimit(), this.clock));
				senders.put(robot.name(),
						new WebhookRobotSender(robot, this.transport, limiter, this.retry, this.clock, this.sleeper));
			}
			return new DingTalkRobots(senders);
		}

	}

}
