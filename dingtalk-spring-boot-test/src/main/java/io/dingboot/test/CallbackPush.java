package io.dingboot.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dingboot.callback.DingTalkCallbackCrypto;
import io.dingboot.callback.DingTalkCallbackException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes one encrypted, signed event to a callback URL the way DingTalk does, and reads the
 * encrypted reply. Kept apart from {@link FakeDingTalk} so that the kit loads without DingBoot's
 * callback classes on the class path.
 */
final class CallbackPush {

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final SecureRandom random = new SecureRandom();

	private static final ObjectMapper mapper = JsonMapper.builder().build();

	private CallbackPush() {
	}

	static CallbackPushResult push(Clock clock, String callbackUrl, String token, String aesKey, String ownerKey,
			String eventJson) {
		DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto(token, aesKey);
		String timestamp = Long.toString(clock.millis());
		String nonce = nonce();
		String encrypt = crypto.encrypt(eventJson, ownerKey);
		String signature = crypto.signature(timestamp, nonce, encrypt);
		String separator = callbackUrl.contains("?") ? "&" : "?";
		URI uri = URI.create(callbackUrl + separator + "msg_signature=" + signature + "&timestamp=" + timestamp
				+ "&nonce=" + nonce);
		String body = mapper.writeValueAsString(Map.of("encrypt", encrypt));
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
		try {
			HttpResponse<String> response = client.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new CallbackPushResult(response.statusCode(), response.body(),
					reply(crypto, ownerKey, response.body()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while pushing an event to " + callbackUrl, ex);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Cannot push an event to " + callbackUrl + ": " + ex.getMessage(), ex);
		}
	}

	private static @Nullable String reply(DingTalkCallbackCrypto crypto, String ownerKey, String body) {
		try {
			JsonNode reply = mapper.readTree(body);
			if (!reply.isObject() || !reply.has("encrypt")) {
				return null;
			}
			return crypto
				.verifyAndDecrypt(reply.path("msg_signature").asString(null), reply.path("timeStamp").asString(null),
						reply.path("nonce").asString(null), reply.path("encrypt").asString(null), List.of(ownerKey))
				.plaintext();
		}
		catch (DingTalkCallbackException | tools.jackson.core.JacksonException ex) {
			return null;
		}
	}

	private static String nonce() {
		StringBuilder nonce = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			nonce.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
		}
		return nonce.toString();
	}

}
