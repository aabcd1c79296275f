package io.dingboot.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * Pushes encrypted events to a running callback endpoint the way DingTalk does (test only).
 */
final class CallbackTestPusher {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI endpoint;

	private final DingTalkCallbackCrypto crypto;

	private final String ownerKey;

	CallbackTestPusher(URI endpoint, DingTalkCallbackCrypto crypto, String ownerKey) {
		this.endpoint = endpoint;
		this.crypto = crypto;
		this.ownerKey = ownerKey;
	}

	Push prepare(String json) {
		String encrypt = this.crypto.encrypt(json, this.ownerKey);
		String timestamp = Long.toString(System.currentTimeMillis());
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		return new Push(this.crypto.signature(timestamp, nonce, encrypt), timestamp, nonce,
				"{\"encrypt\":\"" + encrypt + "\"}");
	}

	HttpResponse<String> push(String json) {
		return send(prepare(json));
	}

	HttpResponse<String> send(Push push) {
		return post("?signature=" + push.signature() + "&timestamp=" + push.timestamp() + "&nonce=" + push.nonce(),
				push.body());
	}

	HttpResponse<String> post(String query, String body) {
		return send(HttpRequest.newBuilder(URI.create(this.endpoint + query))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Push(String signature, String timestamp, String nonce, String body) {

	}

}
