package io.dingboot.test.stream;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link FakeStreamGateway#start(Path, String)}: the gateway over TLS, with a
 * certificate for {@code localhost} made by {@code keytool}, reached by a JDK client that trusts
 * it through a trust store.
 */
class FakeStreamGatewayTlsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "changeit";

	@TempDir
	Path directory;

	@Test
	void clientThatTrustsTheCertificateOpensAndConnectsOverWss() throws Exception {
		Path keyStore = this.directory.resolve("gateway.p12");
		Path trustStore = this.directory.resolve("trust.p12");
		Path certificate = this.directory.resolve("gateway.cer");
		keytool("-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
				"CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
				keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-alias", "gateway", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
				"-file", certificate.toString());
		keytool("-importcert", "-noprompt", "-alias", "gateway", "-file", certificate.toString(), "-storetype",
				"PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);
		try (FakeStreamGateway gateway = FakeStreamGateway.start(keyStore, PASSWORD).app("k", "s")) {
			assertThat(gateway.apiBaseUrl()).isEqualTo("https://localhost:" + gateway.port());
			HttpClient trusting = HttpClient.newBuilder().sslContext(sslContext(trustStore)).build();
			HttpResponse<String> answer = trusting.send(HttpRequest
				.newBuilder(URI.create(gateway.apiBaseUrl() + FakeStreamGateway.OPEN_PATH))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"k\",\"clientSecret\":\"s\","
						+ "\"subscriptions\":[{\"type\":\"EVENT\",\"topic\":\"*\"}]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).isEqualTo(200);
			JsonNode json = JSON.readTree(answer.body());
			String endpoint = json.get("endpoint").stringValue();
			assertThat(endpoint).isEqualTo("wss://localhost:" + gateway.port() + "/connect");
			CompletableFuture<String> frame = new CompletableFuture<>();
			WebSocket socket = trusting.newWebSocketBuilder()
				.buildAsync(URI.create(endpoint + "?ticket=" + json.get("ticket").stringValue()),
						new WebSocket.Listener() {
							@Override
							public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
								frame.complete(data.toString());
								webSocket.request(1);
								return null;
							}
						})
				.get(5, TimeUnit.SECONDS);
			gateway.awaitConnection("k", Duration.ofSeconds(5));
			StreamPush push = gateway.pushEvent("k", "user_add_org", "e1", "{\"userId\":[\"u1\"]}");
			JsonNode received = JSON.readTree(frame.get(5, TimeUnit.SECONDS));
			String messageId = received.get("headers").get("messageId").stringValue();
			socket.sendText("{\"code\":200,\"headers\":{\"contentType\":\"application/json\",\"messageId\":\""
					+ messageId + "\"},\"message\":\"OK\",\"data\":\"{\\\"status\\\":\\\"SUCCESS\\\"}\"}", true)
				.get(5, TimeUnit.SECONDS);
			assertThat(push.awaitCompletion(Duration.ofSeconds(5)).status()).isEqualTo("SUCCESS");
			assertThat(gateway.acks()).hasSize(1);
			socket.abort();
		}
	}

	@Test
	void clientWithoutTheCertificateFailsTheHandshake() throws Exception {
		Path keyStore = this.directory.resolve("gateway.p12");
		keytool("-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
				"CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
				keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
		try (FakeStreamGateway gateway = FakeStreamGateway.start(keyStore, PASSWORD).app("k", "s")) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.apiBaseUrl() + FakeStreamGateway.OPEN_PATH))
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build();
			assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
				.isInstanceOf(SSLHandshakeException.class);
			assertThat(gateway.openCalls()).isEmpty();
		}
	}

	private static SSLContext sslContext(Path trustStore) throws Exception {
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(trustStore)) {
			trusted.load(in, PASSWORD.toCharArray());
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

	private static void keytool(String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

}
