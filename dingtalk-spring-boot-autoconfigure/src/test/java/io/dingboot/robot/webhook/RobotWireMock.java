package io.dingboot.robot.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.http.RetrySettings;
import io.dingboot.token.MutableClock;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock webhook for robot tests, with a movable clock that the senders' waits move.
 */
final class RobotWireMock implements AutoCloseable {

	static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

	final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	final MutableClock clock = new MutableClock(START);

	RobotWireMock() {
		this.server.start();
		answer("{\"errcode\":0,\"errmsg\":\"ok\"}");
	}

	void answer(String json) {
		this.server.resetMappings();
		this.server.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(json)));
	}

	DingTalkTransport transport() {
		return new DingTalkTransport(RestClient.builder()
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.build(HttpClientSettings.defaults()
					.withConnectTimeout(Duration.ofSeconds(2))
					.withReadTimeout(Duration.ofSeconds(5)))),
				URI.create("http://127.0.0.1:" + this.server.port()), DingTalkRobots.NO_TRANSPORT_RETRIES);
	}

	DingTalkRobots robots(RobotWebhook... robots) {
		return robots(new RetrySettings(3, Duration.ofMillis(100), Duration.ofMillis(400)), robots);
	}

	DingTalkRobots robots(RetrySettings retry, RobotWebhook... robots) {
		DingTalkRobots.Builder builder = DingTalkRobots.builder(transport())
			.retry(retry)
			.clock(this.clock)
			.sleeper(this.clock::advance);
		for (RobotWebhook robot : robots) {
			builder.robot(robot);
		}
		return builder.build();
	}

	List<LoggedRequest> sends() {
		return this.server.findAll(postRequestedFor(urlPathEqualTo("/robot/send")));
	}

	@Override
	public void close() {
		this.server.stop();
	}

	static RobotWebhook robot(String name, String token, String secret, RobotRateLimit limit, String... keywords) {
		return new RobotWebhook(name, token, secret, List.of(keywords), null, limit);
	}

}
