package io.dingboot.stream;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST {api-base-url}/v1.0/gateway/connections/open}: registers a connection and returns
 * the WebSocket endpoint with a single-use ticket. Called for every connect.
 */
final class ConnectionOpener {

	static final String PATH = "/v1.0/gateway/connections/open";

	static final String USER_AGENT = "dingboot-sdk-java/" + version();

	private final HttpClient httpClient;

	private final Duration timeout;

	private final @Nullable String localIp;

	ConnectionOpener(HttpClient httpClient, Duration timeout) {
		this.httpClient = httpClient;
		this.timeout = timeout;
		this.localIp = localIp();
	}

	CompletableFuture<Ticket> open(StreamApp app, Collection<Subscription> subscriptions) {
		ObjectNode body = StreamJson.MAPPER.createObjectNode();
		body.put("clientId", app.appKey());
		body.put("clientSecret", app.appSecret());
		ArrayNode list = body.putArray("subscriptions");
		for (Subscription subscription : subscriptions) {
			list.addObject().put("type", subscription.type()).put("topic", subscription.topic());
		}
		body.put("ua", USER_AGENT);
		if (this.localIp != null) {
			body.put("localIp", this.localIp);
		}
		URI uri = URI.create(trimSlash(app.apiBaseUrl()) + PATH);
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(StreamJson.MAPPER.writeValueAsString(body),
					StandardCharsets.UTF_8))
			.build();
		return this.httpClient.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.thenApply(ConnectionOpener::ticket);
	}

	private static Ticket ticket(HttpResponse<String> response) {
		JsonNode answer = null;
		try {
			answer = StreamJson.MAPPER.readTree(response.body());
		}
		catch (RuntimeException ex) {
			// not JSON: described by status below
		}
		String code = StreamJson.text(answer, "code");
		if (response.statusCode() == 401 || "authFailed".equals(code)) {
			throw new OpenConnectionException(true, "HTTP " + response.statusCode() + " " + ((code != null) ? code : ""));
		}
		if (response.statusCode() != 200) {
			String message = StreamJson.text(answer, "message");
			throw new OpenConnectionException(false, "HTTP " + response.statusCode()
					+ ((code != null) ? " " + code : "") + ((message != null) ? " " + abbreviate(message) : "")
					+ ((answer == null) ? " (not JSON; is dingtalk.api-base-url an https URL of DingTalk?)" : ""));
		}
		String endpoint = StreamJson.text(answer, "endpoint");
		String ticket = StreamJson.text(answer, "ticket");
		if (endpoint == null || ticket == null) {
			throw new OpenConnectionException(false, "HTTP 200 without endpoint or ticket");
		}
		return new Ticket(endpoint, ticket);
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

	private static String trimSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static String version() {
		String version = ConnectionOpener.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "dev";
	}

	/**
	 * The first site-local or public IPv4 address that is not loopback, for DingTalk's diagnosis.
	 */
	private static @Nullable String localIp() {
		try {
			String fallback = null;
			for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (!network.isUp() || network.isLoopback()) {
					continue;
				}
				for (InetAddress address : Collections.list(network.getInetAddresses())) {
					if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
						String ip = address.getHostAddress();
						if (!ip.startsWith("192.168")) {
							return ip;
						}
						fallback = ip;
					}
				}
			}
			return fallback;
		}
		catch (Exception ex) {
			return null;
		}
	}

	/**
	 * A WebSocket endpoint and its single-use ticket. {@link #toString()} hides the ticket.
	 */
	record Ticket(String endpoint, String ticket) {

		URI uri() {
			String separator = this.endpoint.contains("?") ? "&" : "?";
			return URI.create(this.endpoint + separator + "ticket="
					+ java.net.URLEncoder.encode(this.ticket, StandardCharsets.UTF_8));
		}

		@Override
		public String toString() {
			return "Ticket{endpoint=" + this.endpoint + ", ticket=******}";
		}

	}

	/**
	 * One subscription of {@code connections/open}.
	 */
	record Subscription(String type, String topic) {

		@Override
		public String toString() {
			return this.type + " " + this.topic;
		}

	}

	/**
	 * DingTalk refused {@code connections/open}; the message has no secret.
	 */
	static final class OpenConnectionException extends RuntimeException {

		private final boolean authFailed;

		OpenConnectionException(boolean authFailed, String message) {
			super(message, null, false, false);
			this.authFailed = authFailed;
		}

		boolean isAuthFailed() {
			return this.authFailed;
		}

	}

}
