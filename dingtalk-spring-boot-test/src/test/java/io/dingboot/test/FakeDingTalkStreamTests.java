package io.dingboot.test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.dingboot.test.stream.FakeStreamGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link FakeDingTalk#stream()}: the gateway behind the fake's {@code connections/open}.
 */
class FakeDingTalkStreamTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final HttpClient http = HttpClient.newHttpClient();

	private final FakeDingTalk fake = FakeDingTalk.builder()
		.app("hr", "dinghrappkey", "hr-app-secret", "dingdemocorp")
		.build()
		.start();

	@AfterEach
	void close() {
		this.fake.close();
	}

	private HttpResponse<String> open(String clientId, String clientSecret) throws Exception {
		String body = "{\"clientId\":\"" + clientId + "\",\"clientSecret\":\"" + clientSecret
				+ "\",\"subscriptions\":[{\"type\":\"EVENT\",\"topic\":\"*\"}]}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.fake.baseUrl() + FakeStreamGateway.OPEN_PATH))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void connectionsOpenOnTheFakeIsAnsweredByItsGatewayForEveryHostedApp() throws Exception {
		FakeStreamGateway gateway = this.fake.stream();
		this.fake.addApp("late", FakeApp.of("dinglateappkey", "late-app-secret", "dingdemocorp", 100009L));
		for (String app : new String[] { "default", "hr", "late" }) {
			FakeApp credentials = this.fake.app(app);
			HttpResponse<String> response = open(credentials.appKey(), credentials.appSecret());
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode answer = JSON.readTree(response.body());
			assertThat(answer.path("endpoint").asString()).isEqualTo("ws://127.0.0.1:" + gateway.port() + "/connect");
			assertThat(answer.path("ticket").asString()).isNotEmpty();
			assertThat(gateway.openCalls(app)).singleElement()
				.satisfies((call) -> assertThat(call.clientId()).isEqualTo(credentials.appKey()));
		}
		assertThat(gateway.openCalls()).hasSize(3);
	}

	@Test
	void wrongSecretGetsTheGateways401AuthFailedThroughTheFake() throws Exception {
		this.fake.stream();
		HttpResponse<String> response = open("dinghrappkey", "wrong");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("authFailed");
	}

	@Test
	void withoutStreamTheFakeDoesNotKnowConnectionsOpen() throws Exception {
		JsonNode answer = JSON.readTree(open("dinghrappkey", "hr-app-secret").body());
		assertThat(answer.path("errcode").asInt()).isEqualTo(404);
		assertThat(answer.has("ticket")).isFalse();
	}

	@Test
	void streamStartsOneGatewayAndClosingTheFakeClosesIt() {
		FakeStreamGateway gateway = this.fake.stream();
		assertThat(this.fake.stream()).isSameAs(gateway);
		this.fake.close();
		HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.apiBaseUrl() + FakeStreamGateway.OPEN_PATH))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> this.http.send(request, HttpResponse.BodyHandlers.ofString()))
			.isInstanceOf(ConnectException.class);
	}

	@Test
	void stoppedFakeRefusesToStartAGateway() {
		this.fake.stop();
		assertThatIllegalStateException().isThrownBy(this.fake::stream).withMessageContaining("not running");
	}

	@Test
	void withoutTomcatWebSocketTheMessageNamesTheDependency() {
		assertThatIllegalStateException()
			.isThrownBy(() -> FakeDingTalk.requireStreamGatewayClasses(new FilteredClassLoader("org.apache.tomcat")))
			.withMessageContaining("org.apache.tomcat.embed:tomcat-embed-websocket");
	}

}
