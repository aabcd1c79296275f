package io.dingboot.test.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link FakeStreamGateway} itself, driven by a bare JDK client: the connection-open
 * call, tickets, topic filtering and redelivery.
 */
class FakeStreamGatewayTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String OPEN_BODY = "{\"clientId\":\"k\",\"clientSecret\":\"s\",\"subscriptions\":"
			+ "[{\"type\":\"CALLBACK\",\"topic\":\"/v1.0/im/bot/messages/get\"}],\"ua\":\"test/1\"}";

	private final HttpClient http = HttpClient.newHttpClient();

	private final MutableClock clock = new MutableClock();

	private final FakeStreamGateway gateway = FakeStreamGateway.start()
		.app("k", "s")
		.clock(this.clock)
		.redeliveryDelay(Duration.ofMillis(200));

	@AfterEach
	void stop() {
		this.gateway.close();
	}

	private HttpResponse<String> open(String body, String accept) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway.apiBaseUrl() + FakeStreamGateway.OPEN_PATH))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (accept != null) {
			request.header("Accept", accept);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI ticketUri(HttpResponse<String> answer) {
		JsonNode json = JSON.readTree(answer.body());
		return URI.create(json.get("endpoint").stringValue() + "?ticket=" + json.get("ticket").stringValue());
	}

	@Test
	void closeRemovesTheWorkingDirectoryItsTomcatWroteTo() {
		FakeStreamGateway other = FakeStreamGateway.start();
		Path baseDir = other.baseDir();
		assertThat(baseDir).isDirectory();
		assertThat(baseDir.resolve("work")).isDirectory();
		other.close();
		assertThat(baseDir).doesNotExist();
	}

	@Test
	void aGatewayStartedAfterTheFirstOneClosedDoesNotCreateTheFirstOnesDirectoryAgain() {
		String home = System.getProperty("catalina.home");
		String base = System.getProperty("catalina.base");
		System.clearProperty("catalina.home");
		System.clearProperty("catalina.base");
		try {
			// the first Tomcat of the JVM: Tomcat points catalina.home and catalina.base at its directory
			FakeStreamGateway first = FakeStreamGateway.start();
			Path firstDir = first.baseDir();
			first.close();
			FakeStreamGateway second = FakeStreamGateway.start();
			Path secondDir = second.baseDir();
			second.close();
			assertThat(firstDir).doesNotExist();
			assertThat(secondDir).doesNotExist();
		}
		finally {
			restore("catalina.home", home);
			restore("catalina.base", base);
		}
	}

	private static void restore(String property, String value) {
		if (value != null) {
			System.setProperty(property, value);
		}
		else {
			System.clearProperty(property);
		}
	}

	@Test
	void openAnswersAnEndpointAndTicket() throws Exception {
		HttpResponse<String> answer = open(OPEN_BODY, "application/json");
		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode json = JSON.readTree(answer.body());
		assertThat(json.get("endpoint").stringValue()).isEqualTo("ws://127.0.0.1:" + this.gateway.port() + "/connect");
		assertThat(json.get("ticket").stringValue()).hasSize(36);
		assertThat(this.gateway.openCalls()).singleElement().satisfies((call) -> {
			assertThat(call.subscriptions())
				.containsExactly(new StreamSubscription("CALLBACK", FakeStreamGateway.ROBOT_TOPIC));
			assertThat(call.ua()).isEqualTo("test/1");
		});
	}

	@Test
	void wrongSecretIsRefusedWithAuthFailed() throws Exception {
		HttpResponse<String> answer = open(OPEN_BODY.replace("\"s\"", "\"wrong\""), "application/json");
		assertThat(answer.statusCode()).isEqualTo(401);
		JsonNode json = JSON.readTree(answer.body());
		assertThat(json.get("code").stringValue()).isEqualTo("authFailed");
		assertThat(json.has("requestid")).isTrue();
	}

	@Test
	void missingSubscriptionsAreRefusedAndMissingAcceptGetsXml() throws Exception {
		assertThat(open("{\"clientId\":\"k\",\"clientSecret\":\"s\",\"subscriptions\":[]}", "application/json")
			.statusCode()).isEqualTo(400);
		HttpResponse<String> xml = open(OPEN_BODY, null);
		assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).contains("xml"));
	}

	@Test
	void ticketIsSingleUse() throws Exception {
		URI uri = ticketUri(open(OPEN_BODY, "application/json"));
		WebSocket first = connect(uri, new CopyOnWriteArrayList<>());
		assertThatThrownBy(() -> connect(uri, new CopyOnWriteArrayList<>())).isInstanceOfSatisfying(
				WebSocketHandshakeException.class, (ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(401));
		first.abort();
	}

	@Test
	void ticketExpiresAfterNinetySeconds() throws Exception {
		URI uri = ticketUri(open(OPEN_BODY, "application/json"));
		this.clock.advance(Duration.ofSeconds(91));
		assertThatThrownBy(() -> connect(uri, new CopyOnWriteArrayList<>())).isInstanceOf(WebSocketHandshakeException.class);
	}

	@Test
	void onlySubscribedTopicsArePushedAndUnansweredFramesAreRedelivered() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		WebSocket socket = connect(ticketUri(open(OPEN_BODY, "application/json")), received);
		this.gateway.awaitConnection("k", Duration.ofSeconds(5));
		StreamPush event = this.gateway.pushEvent("k", "user_add_org", "e1", "{}");
		StreamPush message = this.gateway.pushRobotMessage("k", "{\"msgId\":\"m\"}");
		this.gateway.awaitCondition(() -> message.deliveries() >= 2, Duration.ofSeconds(5), "a redelivery");
		assertThat(event.deliveries()).isZero();
		assertThat(message.messageIds()).hasSize(1);
		JsonNode frame = JSON.readTree(received.get(0));
		assertThat(frame.get("type").stringValue()).isEqualTo("CALLBACK");
		assertThat(frame.get("headers").get("topic").stringValue()).isEqualTo(FakeStreamGateway.ROBOT_TOPIC);
		assertThat(frame.get("data").stringValue()).isEqualTo("{\"msgId\":\"m\"}");
		socket.sendText("{\"code\":200,\"headers\":{\"contentType\":\"application/json\",\"messageId\":\""
				+ message.messageId() + "\"},\"message\":\"OK\",\"data\":\"{\\\"response\\\":null}\"}", true).join();
		assertThat(message.awaitCompletion(Duration.ofSeconds(5)).code()).isEqualTo(200);
		socket.abort();
	}

	private WebSocket connect(URI uri, List<String> received) throws Exception {
		try {
			return this.http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					received.add(data.toString());
					webSocket.request(1);
					return null;
				}

			}).join();
		}
		catch (CompletionException ex) {
			throw (Exception) ex.getCause();
		}
	}

	static final class MutableClock extends Clock {

		private volatile Instant now = Instant.now();

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
