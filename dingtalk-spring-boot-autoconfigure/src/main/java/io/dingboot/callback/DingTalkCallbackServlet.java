package io.dingboot.callback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dingboot.apps.DingTalkApps;
import io.dingboot.callback.CallbackOutcome.Status;
import io.dingboot.web.JsonAnswers;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP-push callback endpoint: {@code POST ?signature|msg_signature=&timestamp|timeStamp=&nonce=}
 * with the body {@code {"encrypt":"..."}}, for every app that takes part in callbacks: the app
 * {@code default} at {@code dingtalk.callback.path}, any other app at
 * {@code dingtalk.callback.path/<name>}, each push verified and decrypted with that app's token,
 * aes-key and owner keys only (a push meant for another app is refused), and an unknown app name a
 * {@code 404 unknown_app}. A verified event is published through the
 * {@link CallbackDispatcher} and answered with {@code {msg_signature, timeStamp, nonce, encrypt}}
 * carrying the encrypted {@code success}. A push that fails verification is answered with a 4xx
 * JSON {@code {"error":"...","message":"..."}} (see {@link CallbackRejection}); a push whose
 * listener failed, or that another request is delivering right now, with {@code 503} so that
 * DingTalk pushes it again. No answer carries a stack trace; errors are written by
 * {@link JsonAnswers}, as on every endpoint DingBoot opens.
 * <p>
 * Unlike the dd.config endpoint, a {@code RouterFunction} of the application's Spring MVC, this
 * endpoint is a servlet of its own, on purpose: DingTalk's push is a server-to-server protocol
 * whose answer must not depend on the application's web setup. As its own servlet it needs no
 * Spring MVC at all, keeps its exact path whatever {@code spring.mvc.servlet.path} says (the URL is
 * registered in the developer console), is reached by none of the application's handler
 * interceptors, {@code @ControllerAdvice}, CORS or content negotiation, gets its own
 * security filter chain by path, and reads the raw body itself, refusing it past
 * {@code dingtalk.callback.max-body-size} before anything buffers it. It parses the query string
 * itself too, so a malformed one is a {@code 400 malformed_request} rather than the servlet
 * container's parameter error.
 */
public final class DingTalkCallbackServlet extends HttpServlet {

	private static final Logger logger = LoggerFactory.getLogger(DingTalkCallbackServlet.class);

	private static final String SUCCESS = "success";

	private final transient Map<String, Endpoint> apps;

	private final transient CallbackDispatcher dispatcher;

	private final Duration timestampSkew;

	private final long maxBodySize;

	private final transient Clock clock;

	/**
	 * Create the endpoint of the app named {@code default} alone.
	 * @param crypto the app's callback crypto
	 * @param ownerKeys the owner keys a push may be encrypted for
	 * @param dispatcher publishes the events
	 * @param timestampSkew the largest accepted difference between a push's timestamp and the clock
	 * @param maxBodySize the largest accepted body, in bytes
	 * @param clock the clock
	 */
	public DingTalkCallbackServlet(DingTalkCallbackCrypto crypto, Set<String> ownerKeys, CallbackDispatcher dispatcher,
			Duration timestampSkew, long maxBodySize, Clock clock) {
		this(List.of(new CallbackApp(DingTalkApps.DEFAULT, crypto, ownerKeys)), dispatcher, timestampSkew,
				maxBodySize, clock);
	}

	/**
	 * Create the endpoint of several apps. Mapped at {@code <path>} and {@code <path>/*}, it
	 * answers the app named {@code default} at {@code <path>} and every other app at
	 * {@code <path>/<name>}; anything else under the path is a {@code 404 unknown_app}.
	 * @param apps the apps, each with its own crypto and owner keys
	 * @param dispatcher publishes the events
	 * @param timestampSkew the largest accepted difference between a push's timestamp and the clock
	 * @param maxBodySize the largest accepted body, in bytes
	 * @param clock the clock
	 */
	public DingTalkCallbackServlet(List<CallbackApp> apps, CallbackDispatcher dispatcher, Duration timestampSkew,
			long maxBodySize, Clock clock) {
		Assert.notNull(apps, "'apps' must not be null");
		Assert.isTrue(maxBodySize > 0 && maxBodySize < Integer.MAX_VALUE, "'maxBodySize' must be positive");
		Map<String, Endpoint> endpoints = new LinkedHashMap<>();
		for (CallbackApp app : apps) {
			String property = app.isDefault() ? "dingtalk.callback.owner-key"
					: "dingtalk.apps." + app.name() + ".callback.owner-key";
			Assert.isNull(endpoints.put(app.name(), new Endpoint(app, new OwnerKeyMismatchLog(logger, clock, property))),
					() -> "Two callback apps are named '" + app.name() + "'");
		}
		this.apps = Collections.unmodifiableMap(endpoints);
		this.dispatcher = dispatcher;
		this.timestampSkew = timestampSkew;
		this.maxBodySize = maxBodySize;
		this.clock = clock;
	}

	/**
	 * The names of the apps this endpoint answers for.
	 * @return the names
	 */
	public Set<String> appNames() {
		return this.apps.keySet();
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Endpoint endpoint = this.apps.get(appName(request.getPathInfo()));
		if (endpoint == null) {
			logger.debug("Refused a DingTalk callback for an unknown app");
			this.dispatcher.rejected(null, CallbackRejection.UNKNOWN_APP, null);
			error(response, CallbackRejection.UNKNOWN_APP.status(), CallbackRejection.UNKNOWN_APP.error(),
					"No DingTalk app answers callbacks at this path");
			return;
		}
		try {
			handle(endpoint, request, response);
		}
		catch (Rejected ex) {
			reject(endpoint, response, ex.rejection, ex.getMessage());
		}
		catch (IOException ex) {
			logger.debug("Could not read or answer a DingTalk callback: {}", ex.toString());
			if (!response.isCommitted()) {
				error(response, 400, CallbackRejection.MALFORMED_REQUEST.error(), "The request could not be read");
			}
		}
		catch (RuntimeException ex) {
			logger.error("Unexpected failure handling a DingTalk callback; answering 503 so that DingTalk retries", ex);
			if (!response.isCommitted()) {
				error(response, 503, "internal_error", "The callback could not be handled; it will be pushed again");
			}
		}
	}

	/**
	 * The app a request is for: {@code default} at the path itself, {@code <name>} at
	 * {@code <path>/<name>}; an empty name (a trailing '/') or a deeper path is no app.
	 */
	private static String appName(@Nullable String pathInfo) {
		if (pathInfo == null) {
			return DingTalkApps.DEFAULT;
		}
		String name = pathInfo.substring(1);
		return (name.isEmpty() || name.indexOf('/') >= 0 || DingTalkApps.DEFAULT.equals(name)) ? "" : name;
	}

	private void handle(Endpoint endpoint, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (!"POST".equals(request.getMethod())) {
			response.setHeader("Allow", "POST");
			throw new Rejected(CallbackRejection.METHOD_NOT_ALLOWED, "Only POST is supported");
		}
		Map<String, String> query = parseQuery(request.getQueryString());
		String signature = first(query, "msg_signature", "signature");
		String timestamp = first(query, "timeStamp", "timestamp");
		String nonce = query.get("nonce");
		if (signature == null || timestamp == null || nonce == null) {
			throw new Rejected(CallbackRejection.MISSING_PARAMETER,
					"signature (or msg_signature), timestamp (or timeStamp) and nonce are required");
		}
		checkTimestamp(timestamp);
		String encrypt = readEncrypt(request);
		DecryptedMessage message;
		try {
			message = endpoint.app.crypto().verifyAndDecrypt(signature, timestamp, nonce, encrypt,
					endpoint.app.ownerKeys());
		}
		catch (DingTalkCallbackException ex) {
			throw new Rejected(CallbackRejection.of(ex), ex.getMessage() + " (" + ex.getCode() + ")");
		}
		JsonNode payload = parseEvent(message.plaintext());
		String type = CallbackEvents.eventType(payload);
		Status status = this.dispatcher.dispatch(endpoint.app.name(), payload, message.ownerKey(),
				signature + ":" + timestamp + ":" + nonce);
		switch (status) {
			case DELIVERED, URL_CHECK, DUPLICATE -> reply(endpoint, response, message.ownerKey());
			case IN_PROGRESS -> error(response, 503, "in_progress",
					"The event is being delivered by another request; push it again later");
			default -> error(response, 503, "listener_failed",
					"A listener of the " + type + " event failed; push it again later");
		}
	}

	private void checkTimestamp(String timestamp) {
		Long value = CallbackJson.parseLong(timestamp.trim());
		if (value == null || value < 0) {
			throw new Rejected(CallbackRejection.TIMESTAMP_REJECTED, "The timestamp is not a number");
		}
		long millis = (value < CallbackJson.MILLIS_THRESHOLD) ? value * 1000L : value;
		long difference = Math.abs(this.clock.millis() - millis);
		if (difference > this.timestampSkew.toMillis()) {
			throw new Rejected(CallbackRejection.TIMESTAMP_REJECTED,
					"The timestamp is further than " + this.timestampSkew + " from this server's clock");
		}
	}

	private String readEncrypt(HttpServletRequest request) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBodySize) {
			throw new Rejected(CallbackRejection.BODY_TOO_LARGE, "The body is larger than " + this.maxBodySize + " bytes");
		}
		byte[] body = readBody(request.getInputStream());
		JsonNode node;
		try {
			node = JsonAnswers.mapper().readTree(body);
		}
		catch (JacksonException ex) {
			throw new Rejected(CallbackRejection.MALFORMED_REQUEST, "The body is not JSON");
		}
		JsonNode encrypt = (node != null && node.isObject()) ? node.get("encrypt") : null;
		if (encrypt == null || !encrypt.isString() || encrypt.stringValue().isEmpty()) {
			throw new Rejected(CallbackRejection.MALFORMED_REQUEST, "The body must be {\"encrypt\":\"...\"}");
		}
		return encrypt.stringValue();
	}

	private byte[] readBody(InputStream input) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		while ((read = input.read(buffer)) != -1) {
			if (body.size() + read > this.maxBodySize) {
				throw new Rejected(CallbackRejection.BODY_TOO_LARGE,
						"The body is larger than " + this.maxBodySize + " bytes");
			}
			body.write(buffer, 0, read);
		}
		return body.toByteArray();
	}

	private JsonNode parseEvent(String plaintext) {
		JsonNode payload;
		try {
			payload = JsonAnswers.mapper().readTree(plaintext);
		}
		catch (JacksonException ex) {
			payload = null;
		}
		if (payload == null || !payload.isObject() || CallbackEvents.eventType(payload) == null) {
			throw new Rejected(CallbackRejection.MALFORMED_REQUEST, "The decrypted message is not an event");
		}
		return payload;
	}

	private void reply(Endpoint endpoint, HttpServletResponse response, String ownerKey) throws IOException {
		write(response, 200, endpoint.app.crypto().encryptedReply(SUCCESS, ownerKey));
	}

	private void reject(Endpoint endpoint, HttpServletResponse response, CallbackRejection rejection, String message)
			throws IOException {
		if (rejection == CallbackRejection.OWNER_KEY_MISMATCH) {
			endpoint.ownerKeyMismatches.refused();
		}
		else {
			logger.debug("Refused a DingTalk callback of app {} ({}): {}", endpoint.app.name(), rejection.error(),
					message);
		}
		this.dispatcher.rejected(endpoint.app.name(), rejection, null);
		if (!response.isCommitted()) {
			error(response, rejection.status(), rejection.error(), message);
		}
	}

	private void error(HttpServletResponse response, int status, String error, String message) throws IOException {
		JsonAnswers.writeError(response, status, error, message);
		response.flushBuffer();
	}

	private void write(HttpServletResponse response, int status, Map<String, String> body) throws IOException {
		JsonAnswers.write(response, status, body);
		response.flushBuffer();
	}

	private static Map<String, String> parseQuery(@Nullable String query) {
		Map<String, String> values = new HashMap<>();
		if (query == null || query.isEmpty()) {
			return values;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = decode((equals < 0) ? "" : pair.substring(equals + 1));
			values.putIfAbsent(name, value);
		}
		return values;
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new Rejected(CallbackRejection.MALFORMED_REQUEST, "The query string is not URL-encoded");
		}
	}

	private static @Nullable String first(Map<String, String> query, String... names) {
		for (String name : names) {
			String value = query.get(name);
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

	private record Endpoint(CallbackApp app, OwnerKeyMismatchLog ownerKeyMismatches) {

	}

	private static final class Rejected extends RuntimeException {

		private final CallbackRejection rejection;

		Rejected(CallbackRejection rejection, String message) {
			super(message, null, false, false);
			this.rejection = rejection;
		}

	}

}
