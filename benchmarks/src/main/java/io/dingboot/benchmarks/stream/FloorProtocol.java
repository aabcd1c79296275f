package io.dingboot.benchmarks.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every floor client does apart from its WebSocket: open a connection with
 * {@code connections/open}, and answer a frame the cheapest way that keeps the gateway content
 * (ids found by searching the text, no JSON parsing for events, pings echoed).
 */
final class FloorProtocol {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SUCCESS = "\"{\\\"status\\\":\\\"SUCCESS\\\",\\\"message\\\":\\\"success\\\"}\"";

	private FloorProtocol() {
	}

	/**
	 * Ask the gateway for a connection subscribed to every event.
	 * @return the WebSocket endpoint with its single-use ticket
	 */
	static URI open(String apiBaseUrl, String appKey, String appSecret) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpResponse<String> opened = client.send(
				HttpRequest.newBuilder(URI.create(apiBaseUrl + "/v1.0/gateway/connections/open"))
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + appKey + "\",\"clientSecret\":\""
							+ appSecret + "\",\"subscriptions\":[{\"type\":\"EVENT\",\"topic\":\"*\"}]}"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		if (opened.statusCode() != 200) {
			throw new IllegalStateException("connections/open answered " + opened.statusCode());
		}
		JsonNode answer = JSON.readTree(opened.body());
		return URI.create(answer.get("endpoint").stringValue() + "?ticket=" + answer.get("ticket").stringValue());
	}

	/**
	 * The answer to one frame: a ping's echo, or an event's {@code SUCCESS} ack after its
	 * {@code eventId} went to {@code eventIds}.
	 */
	static String answer(String text, Consumer<String> eventIds) {
		String messageId = header(text, "messageId");
		if (text.contains("\"type\":\"SYSTEM\"")) {
			JsonNode frame = JSON.readTree(text);
			return ack(messageId, JSON.writeValueAsString(frame.get("data").stringValue()));
		}
		eventIds.accept(header(text, "eventId"));
		return ack(messageId, SUCCESS);
	}

	private static String ack(String messageId, String data) {
		return "{\"code\":200,\"headers\":{\"contentType\":\"application/json\",\"messageId\":\"" + messageId
				+ "\"},\"message\":\"OK\",\"data\":" + data + "}";
	}

	private static String header(String text, String name) {
		String key = "\"" + name + "\":\"";
		int start = text.indexOf(key);
		if (start < 0) {
			throw new IllegalStateException("no " + name);
		}
		start += key.length();
		return text.substring(start, text.indexOf('"', start));
	}

}
