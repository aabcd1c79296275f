package io.dingboot.callback;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Fuzz test of {@link DingTalkCallbackServlet}: 10,000 random and mutated requests; every answer
 * is a 4xx JSON error or a correct encrypted reply, and no exception escapes.
 */
class DingTalkCallbackServletFuzzTests {

	private static final String TOKEN = "fuzzToken42";

	private static final String AES_KEY = "Zx8cV7bN6mA5sD4fG3hJ2kL1qW9eR8tY7uI6oP5aS4d";

	private static final String OWNER = "dingfuzzowner";

	private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

	private static final int REQUESTS = 10_000;

	private final Random random = new Random(42);

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto(TOKEN, AES_KEY);

	private final DingTalkCallbackCrypto otherKey = new DingTalkCallbackCrypto(TOKEN,
			"Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0Kk1Ll2Mm3Nn4O");

	private final List<DingTalkEvent> published = new ArrayList<>();

	private final List<CallbackOutcome> outcomes = new ArrayList<>();

	private final DingTalkCallbackServlet servlet = new DingTalkCallbackServlet(this.crypto, Set.of(OWNER, "dingcorp"),
			new CallbackDispatcher((event) -> this.published.add((DingTalkEvent) event),
					new InMemoryCallbackDeduplicator(), Duration.ofHours(1), List.of(this.outcomes::add)),
			Duration.ofMinutes(10), 64 * 1024, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void everyRandomOrMutatedRequestIsAnswered4xxOrWithACorrectReply() {
		int successes = 0;
		int rejections = 0;
		for (int i = 0; i < REQUESTS; i++) {
			FuzzRequest fuzz = mutate(validRequest(i));
			MockHttpServletResponse response = new MockHttpServletResponse();
			assertThatNoException().as(fuzz.toString())
				.isThrownBy(() -> this.servlet.service(fuzz.toServletRequest(), response));
			int status = response.getStatus();
			String body = contentOf(response);
			if (status == 200) {
				assertCorrectReply(body, fuzz);
				successes++;
			}
			else {
				assertThat(status).as(fuzz + " -> " + body).isBetween(400, 499);
				JsonNode error = this.mapper.readTree(body);
				assertThat(error.get("error").isString()).isTrue();
				assertThat(body).doesNotContain("Exception").doesNotContain(TOKEN).doesNotContain(AES_KEY);
				rejections++;
			}
		}
		assertThat(successes).isGreaterThan(500);
		assertThat(rejections).isGreaterThan(5000);
		assertThat(this.published.size()).isLessThanOrEqualTo(successes);
		assertThat(this.outcomes).hasSize(REQUESTS);
	}

	private void assertCorrectReply(String body, FuzzRequest fuzz) {
		JsonNode reply = this.mapper.readTree(body);
		assertThat(reply.propertyNames()).as(fuzz.toString())
			.containsExactlyInAnyOrder("msg_signature", "timeStamp", "nonce", "encrypt");
		DecryptedMessage message = this.crypto.verifyAndDecrypt(reply.get("msg_signature").stringValue(),
				reply.get("timeStamp").stringValue(), reply.get("nonce").stringValue(),
				reply.get("encrypt").stringValue(), Set.of(OWNER, "dingcorp"));
		assertThat(message.plaintext()).isEqualTo("success");
	}

	private FuzzRequest validRequest(int i) {
		String[] templates = { "{\"EventType\":\"user_add_org\",\"eventId\":\"e%d\",\"userId\":[\"u%d\"]}",
				"{\"EventType\":\"org_dept_remove\",\"DeptId\":[%d],\"TimeStamp\":\"%d\"}",
				"{\"EventType\":\"check_url\",\"n\":%d,\"m\":%d}",
				"{\"EventType\":\"bpms_task_change\",\"eventId\":\"t%d\",\"x\":\"中文%d\"}" };
		String json = String.format(templates[i % templates.length], i % 500, i);
		String encrypt = this.crypto.encrypt(json, (i % 7 == 0) ? "dingcorp" : OWNER);
		String timestamp = (i % 2 == 0) ? Long.toString(NOW.toEpochMilli()) : Long.toString(NOW.getEpochSecond());
		String nonce = "n" + i;
		Map<String, String> query = new LinkedHashMap<>();
		query.put((i % 3 == 0) ? "msg_signature" : "signature", this.crypto.signature(timestamp, nonce, encrypt));
		query.put((i % 5 == 0) ? "timeStamp" : "timestamp", timestamp);
		query.put("nonce", nonce);
		return new FuzzRequest("POST", query, null, ("{\"encrypt\":\"" + encrypt + "\"}").getBytes(StandardCharsets.UTF_8));
	}

	private FuzzRequest mutate(FuzzRequest request) {
		int mutations = this.random.nextInt(4);
		FuzzRequest result = request;
		for (int m = 0; m < mutations; m++) {
			result = mutateOnce(result);
		}
		return result;
	}

	private FuzzRequest mutateOnce(FuzzRequest request) {
		Map<String, String> query = new LinkedHashMap<>(request.query());
		byte[] body = request.body();
		String rawQuery = request.rawQuery();
		String method = request.method();
		List<String> names = new ArrayList<>(query.keySet());
		String name = names.isEmpty() ? "nonce" : names.get(this.random.nextInt(names.size()));
		switch (this.random.nextInt(14)) {
			case 0 -> query.computeIfPresent(name, (k, v) -> flipChar(v));
			case 1 -> query.remove(name);
			case 2 -> query.put(randomAscii(1 + this.random.nextInt(10)), randomAscii(this.random.nextInt(50)));
			case 3 -> body = flipByte(body);
			case 4 -> body = java.util.Arrays.copyOf(body, this.random.nextInt(body.length + 1));
			case 5 -> body = randomBytes(this.random.nextInt(2000));
			case 6 -> body = pick("null", "[]", "{}", "{\"encrypt\":null}", "{\"encrypt\":{}}", "{\"encrypt\":\"\"}",
					"{\"encrypt\":\"" + "A".repeat(64) + "\"}", "[".repeat(5000), "{\"encrypt\":\"a\"", "\"str\"", "12",
					"{\"encrypt\":\"YvkvaGe4hQxd3VxRmEty0dVlnCOAqwf56xwTRHDHoOU=\"}")
				.getBytes(StandardCharsets.UTF_8);
			case 7 -> body = ("{\"encrypt\":\"" + "B".repeat(70_000 + this.random.nextInt(10_000)) + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			case 8 -> query.put(query.containsKey("timeStamp") ? "timeStamp" : "timestamp",
					pick("", "-1", "0", "99999999999999999999", "1e5", " 1", "1780308000000", "abc",
							Long.toString(NOW.toEpochMilli() - 3_600_000L), Long.toString(NOW.getEpochSecond() + 601)));
			case 9 -> method = pick("GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
			case 10 -> rawQuery = pick("%", "%zz", "&&&", "=x", "signature=%E4%B8", "a=b=c&signature", "");
			case 11 -> body = resigned(query, this.otherKey.encrypt("{\"EventType\":\"user_add_org\"}", OWNER));
			case 12 -> body = resigned(query, this.crypto.encrypt(pick("not json", "[1]", "{}", "{\"EventType\":5}",
					"{\"EventType\":\"\"}", "", "{\"EventType\":null}"), OWNER));
			default -> body = resigned(query, this.crypto.encrypt("{\"EventType\":\"org_change\"}", "dingstranger"));
		}
		return new FuzzRequest(method, query, rawQuery, body);
	}

	private byte[] resigned(Map<String, String> query, String encrypt) {
		String timestamp = Long.toString(NOW.toEpochMilli());
		query.keySet().removeIf((key) -> key.equalsIgnoreCase("timestamp") || key.endsWith("signature"));
		query.put("timestamp", timestamp);
		query.putIfAbsent("nonce", "nn");
		query.put("signature", this.crypto.signature(timestamp, query.get("nonce"), encrypt));
		return ("{\"encrypt\":\"" + encrypt + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	private String flipChar(String value) {
		if (value.isEmpty()) {
			return "x";
		}
		char[] chars = value.toCharArray();
		int index = this.random.nextInt(chars.length);
		chars[index] = (char) (chars[index] ^ (1 << this.random.nextInt(7)));
		return new String(chars);
	}

	private byte[] flipByte(byte[] body) {
		if (body.length == 0) {
			return new byte[] { (byte) this.random.nextInt(256) };
		}
		byte[] copy = body.clone();
		int index = this.random.nextInt(copy.length);
		copy[index] = (byte) (copy[index] ^ (1 << this.random.nextInt(8)));
		return copy;
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private String randomAscii(int length) {
		StringBuilder builder = new StringBuilder();
		for (int i = 0; i < length; i++) {
			builder.append((char) (0x21 + this.random.nextInt(0x5E)));
		}
		return builder.toString();
	}

	private String pick(String... values) {
		return values[this.random.nextInt(values.length)];
	}

	private static String contentOf(MockHttpServletResponse response) {
		return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private record FuzzRequest(String method, Map<String, String> query, String rawQuery, byte[] body) {

		MockHttpServletRequest toServletRequest() {
			MockHttpServletRequest request = new MockHttpServletRequest(this.method, "/dingtalk/callback");
			if (this.rawQuery != null) {
				request.setQueryString(this.rawQuery);
			}
			else {
				StringBuilder query = new StringBuilder();
				this.query.forEach((name, value) -> query.append((query.length() > 0) ? "&" : "")
					.append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
					.append('=')
					.append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
				request.setQueryString(query.toString());
			}
			request.setContentType("application/json");
			request.setContent(this.body);
			return request;
		}

		@Override
		public String toString() {
			return this.method + " ?" + ((this.rawQuery != null) ? this.rawQuery : this.query) + " body["
					+ this.body.length + "]";
		}

	}

}
