package io.dingboot.robot.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.dingboot.DingTalkApiException;
import io.dingboot.token.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The client-side limit of a custom group robot: never more than its allowance in any rolling
 * window reaches the webhook, whether sends fail at once or wait.
 */
class RobotRateLimiterTests {

	private static final RobotRateLimit WAIT_A_MINUTE = new RobotRateLimit(20, Duration.ofMinutes(1),
			RateLimitPolicy.WAIT, Duration.ofMinutes(1));

	private final RobotWireMock wireMock = new RobotWireMock();

	@AfterEach
	void stop() {
		this.wireMock.close();
	}

	@Test
	void burstOfHundredWithFailPolicyLetsExactlyTwentyThrough() throws InterruptedException {
		RobotSender robot = this.wireMock.robots(RobotWebhook.of("ops", "tok", "SECx")).get("ops");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		ConcurrentLinkedQueue<DingTalkApiException> failures = new ConcurrentLinkedQueue<>();
		CountDownLatch done = new CountDownLatch(100);
		for (int i = 0; i < 100; i++) {
			int n = i;
			pool.execute(() -> {
				try {
					robot.sendText("message " + n);
				}
				catch (DingTalkApiException ex) {
					failures.add(ex);
				}
				finally {
					done.countDown();
				}
			});
		}
		assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
		pool.shutdown();
		assertThat(this.wireMock.sends()).hasSize(20);
		assertThat(failures).hasSize(80).allSatisfy((failure) -> {
			assertThat(failure.getKind()).isEqualTo(DingTalkApiException.Kind.INVALID_REQUEST);
			assertThat(failure.getMessage()).contains("custom robot 'ops' has sent 20 messages in the last 60 s",
					"dingtalk.robots.ops.rate-limit.policy=wait");
		});
	}

	@Test
	void windowFreesOneSlotWhenTheOldestSendLeavesIt() {
		RobotSender robot = this.wireMock.robots(RobotWebhook.of("ops", "tok", null)).get("ops");
		for (int i = 0; i < 20; i++) {
			robot.sendText("m" + i);
			this.wireMock.clock.advance(Duration.ofSeconds(1));
		}
		// 20 s later: the first send (t=0) is still in the window until t=60 s
		this.wireMock.clock.advance(Duration.ofSeconds(39));
		assertThat(catchThrowableOfType(DingTalkApiException.class, () -> robot.sendText("too soon")).getMessage())
			.contains("may go in 1000 ms");
		this.wireMock.clock.advance(Duration.ofSeconds(1));
		robot.sendText("now");
		assertThat(catchThrowableOfType(DingTalkApiException.class, () -> robot.sendText("again")))
			.isInstanceOf(DingTalkApiException.class);
		assertThat(this.wireMock.sends()).hasSize(21);
	}

	@Test
	void burstOfHundredWithWaitPolicyNeverSendsMoreThanTwentyInAnyRollingMinute() {
		RobotSender robot = this.wireMock.robots(RobotWireMock.robot("ops", "tok", "SECx", WAIT_A_MINUTE)).get("ops");
		for (int i = 0; i < 100; i++) {
			robot.sendText("message " + i);
		}
		List<Long> timestamps = new ArrayList<>();
		this.wireMock.sends()
			.forEach((send) -> timestamps.add(Long.parseLong(send.queryParameter("timestamp").firstValue())));
		assertThat(timestamps).hasSize(100).isSorted();
		for (int i = 20; i < timestamps.size(); i++) {
			assertThat(timestamps.get(i) - timestamps.get(i - 20)).as("send %d and send %d", i - 20, i)
				.isGreaterThanOrEqualTo(60_000);
		}
		// four waits of a minute each, and no more
		assertThat(timestamps.get(99) - timestamps.get(0)).isEqualTo(4 * 60_000);
	}

	@Test
	void waitLongerThanMaxWaitFailsAtOnceAndReservesNothing() {
		RobotRateLimit limit = new RobotRateLimit(2, Duration.ofMinutes(1), RateLimitPolicy.WAIT, Duration.ofSeconds(30));
		RobotSender robot = this.wireMock.robots(RobotWireMock.robot("ops", "tok", null, limit)).get("ops");
		robot.sendText("1");
		this.wireMock.clock.advance(Duration.ofSeconds(20));
		robot.sendText("2");
		DingTalkApiException failure = catchThrowableOfType(DingTalkApiException.class, () -> robot.sendText("3"));
		assertThat(failure.getMessage()).contains("longer than dingtalk.robots.ops.rate-limit.max-wait (30000 ms)");
		this.wireMock.clock.advance(Duration.ofSeconds(15));
		robot.sendText("3 after waiting 25 s");
		assertThat(this.wireMock.sends()).hasSize(3);
		assertThat(this.wireMock.clock.instant()).isEqualTo(RobotWireMock.START.plusSeconds(60));
	}

	@Test
	void robotsSharingAnAccessTokenShareOneLimit() {
		DingTalkRobots robots = this.wireMock.robots(RobotWebhook.of("a", "same", null), RobotWebhook.of("b", "same", null),
				RobotWebhook.of("c", "other", null));
		for (int i = 0; i < 10; i++) {
			robots.get("a").sendText("a" + i);
			robots.get("b").sendText("b" + i);
		}
		assertThat(catchThrowableOfType(DingTalkApiException.class, () -> robots.get("a").sendText("a")))
			.isNotNull();
		robots.get("c").sendText("c");
		assertThat(this.wireMock.sends()).hasSize(21);
	}

	@Test
	void interruptedWaitFailsAndKeepsTheInterrupt() {
		RobotRateLimit limit = new RobotRateLimit(1, Duration.ofMinutes(1), RateLimitPolicy.WAIT, Duration.ofMinutes(1));
		DingTalkRobots robots = DingTalkRobots.builder(this.wireMock.transport())
			.clock(new MutableClock(RobotWireMock.START))
			.sleeper((duration) -> {
				throw new InterruptedException();
			})
			.robot(RobotWireMock.robot("ops", "tok", null, limit))
			.build();
		robots.get("ops").sendText("1");
		DingTalkApiException failure = catchThrowableOfType(DingTalkApiException.class,
				() -> robots.get("ops").sendText("2"));
		assertThat(failure.getKind()).isEqualTo(DingTalkApiException.Kind.IO_ERROR);
		assertThat(Thread.interrupted()).isTrue();
		assertThat(this.wireMock.sends()).hasSize(1);
	}

}
