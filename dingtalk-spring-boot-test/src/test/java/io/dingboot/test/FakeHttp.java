package io.dingboot.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain JDK HTTP client for the fake, and exact JSON assertions.
 */
final class FakeHttp {

	static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final FakeDingTalk fake;

	private String accessToken;

	FakeHttp(FakeDingTalk fake) {
		this.fake = fake;
	}

	/**
	 * The access token this client calls the API with; {@link #renewAccessToken()} fetches it.
	 */
	String accessToken() {
		assertThat(this.accessToken).as("renewAccessToken() was called").isNotNull();
		return this.accessToken;
	}

	/**
	 * Fetch a new access token from the fake and call the API with it from now on.
	 */
	void renewAccessToken() {
		this.accessToken = token();
	}

	/**
	 * POST {@code body} as JSON to an API path with this client's access token.
	 */
	JsonNode call(String path, Object body) {
		return postJson(path + "?access_token=" + accessToken(), body);
	}

	String token() {
		FakeApp app = this.fake.organization().app();
		return get("/gettoken?appkey=" + app.appKey() + "&appsecret=" + app.appSecret()).path("access_token")
			.asString();
	}

	JsonNode get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
	}

	JsonNode postJson(String pathAndQuery, Object body) {
		String text = (body instanceof String string) ? string : json.writeValueAsString(body);
		return send(HttpRequest.newBuilder(uri(pathAndQuery))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
	}

	JsonNode postForm(String pathAndQuery, String form) {
		return send(HttpRequest.newBuilder(uri(pathAndQuery))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
	}

	JsonNode upload(String pathAndQuery, Map<String, String> fields, String fileName, byte[] content) {
		String boundary = "fakeboundary123";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		if (content != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\""
					+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(pathAndQuery))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	HttpResponse<String> raw(String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(timeout).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String pathAndQuery) {
		return URI.create(this.fake.baseUrl() + pathAndQuery);
	}

	private JsonNode send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Assert an answer equals {@code expected} exactly, except that a {@code request_id} (13
	 * lowercase letters and digits) must be present when {@code withRequestId} and absent otherwise.
	 */
	static void assertAnswer(JsonNode actual, boolean withRequestId, String expected) {
		ObjectNode copy = ((ObjectNode) actual).deepCopy();
		JsonNode requestId = copy.remove("request_id");
		if (withRequestId) {
			assertThat(requestId).as("request_id").isNotNull();
			assertThat(requestId.asString()).matches("[a-z0-9]{13}");
		}
		else {
			assertThat(requestId).as("request_id").isNull();
		}
		assertThat(copy).isEqualTo(json.readTree(expected));
	}

}
