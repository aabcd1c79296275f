package io.dingboot.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
import io.dingboot.DingTalkError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RequestCallback;
import org.springframework.web.client.ResponseErrorHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends {@link DingTalkRequest}s through a {@link RestTemplate}, turns every failure into a
 * {@link DingTalkApiException}, and retries throttled and busy answers within the
 * {@link RetrySettings}. It knows nothing of how tokens are obtained: see {@link DingTalkClient}.
 */
public final class DingTalkTransport {

	private static final Logger logger = LoggerFactory.getLogger(DingTalkTransport.class);

	private final RestTemplate restTemplate;

	private final RetrySettings retry;

	private final JsonMapper mapper = DingTalkJson.mapper();

	private final Map<Class<?>, ObjectReader> fieldReaders = new ConcurrentHashMap<>();

	private volatile @Nullable RetryListener retryListener;

	private volatile @Nullable ExchangeListener exchangeListener;

	public DingTalkTransport(RestTemplate restTemplate, RetrySettings retry) {
		this.restTemplate = restTemplate;
		this.retry = retry;
		restTemplate.setErrorHandler(new AnswerEveryStatus());
		URI root = restTemplate.getUriTemplateHandler().expand("/", Map.of());
		if (root.isAbsolute()) {
			restTemplate.setUriTemplateHandler(new DingTalkUriTemplateHandler(root.toString()));
		}
		boolean present = restTemplate.getInterceptors().stream().anyMatch(AccessTokenInterceptor.class::isInstance);
		if (!present) {
			restTemplate.getInterceptors().add(new AccessTokenInterceptor());
		}
	}

	/**
	 * Set a listener told of each retry (metrics).
	 * @param retryListener the listener
	 */
	public void setRetryListener(@Nullable RetryListener retryListener) {
		this.retryListener = retryListener;
	}

	/**
	 * Set a listener told of each call's outcome and duration, retries included (metrics).
	 * @param exchangeListener the listener
	 */
	public void setExchangeListener(@Nullable ExchangeListener exchangeListener) {
		this.exchangeListener = exchangeListener;
	}

	/**
	 * Send {@code request}, adding {@code secretQuery} (the access token, or the credentials of
	 * {@code /gettoken}) to the query string outside of what is logged.
	 * @param request the request
	 * @param secretQuery query parameters that must not be logged
	 * @return the JSON answer, its errcode checked
	 */
	public JsonNode exchange(DingTalkRequest request, Map<String, String> secretQuery) {
		return exchange(request, secretQuery, this::parse);
	}

	/**
	 * Send {@code request} and map one field of the answer (such as {@code result}) to
	 * {@code type} in one pass over the body, the errcode checked.
	 * @param <T> the field type
	 * @param request the request
	 * @param secretQuery query parameters that must not be logged
	 * @param field the field name
	 * @param type the field type
	 * @return the field, mapped
	 */
	public <T> T exchange(DingTalkRequest request, Map<String, String> secretQuery, String field, Class<T> type) {
		return exchange(request, secretQuery, (path, answer) -> readField(path, answer, field, type));
	}

	private <T> T exchange(DingTalkRequest request, Map<String, String> secretQuery, AnswerReader<T> reader) {
		ExchangeListener listener = this.exchangeListener;
		if (listener == null) {
			return exchangeWithRetries(request, secretQuery, reader);
		}
		long start = System.nanoTime();
		try {
			T answer = exchangeWithRetries(request, secretQuery, reader);
			listener.exchanged(request, null, System.nanoTime() - start);
			return answer;
		}
		catch (DingTalkApiException ex) {
			listener.exchanged(request, ex, System.nanoTime() - start);
			throw ex;
		}
	}

	private <T> T exchangeWithRetries(DingTalkRequest request, Map<String, String> secretQuery,
			AnswerReader<T> reader) {
		for (int attempt = 1;; attempt++) {
			try {
				return reader.read(request.path(), exchangeOnce(request, secretQuery));
			}
			catch (DingTalkApiException ex) {
				if (attempt >= this.retry.maxAttempts() || !isRetryable(request, ex)) {
					throw ex;
				}
				long wait = this.retry.backoffMillis(attempt);
				logger.debug("DingTalk {} failed ({}), retry {} in {} ms", request, describe(ex), attempt, wait);
				RetryListener listener = this.retryListener;
				if (listener != null) {
					listener.retrying(request, ex);
				}
				sleep(request, wait);
			}
		}
	}

	private @Nullable Answer exchangeOnce(DingTalkRequest request, Map<String, String> secretQuery) {
		String path = request.path();
		String template = path;
		Map<String, Object> uriVariables = Map.of();
		if (!request.query().isEmpty()) {
			StringBuilder builder = new StringBuilder(path);
			uriVariables = new LinkedHashMap<>();
			char separator = '?';
			for (Map.Entry<String, Object> parameter : request.query().entrySet()) {
				String variable = "q" + uriVariables.size();
				builder.append(separator).append(parameter.getKey()).append("={").append(variable).append('}');
				uriVariables.put(variable, parameter.getValue());
				separator = '&';
			}
			template = builder.toString();
		}
		RequestCallback callback = requestCallback(request);
		AccessTokenInterceptor.bind(secretQuery);
		try {
			return this.restTemplate.execute(template, request.method(), callback, DingTalkTransport::readAnswer,
					uriVariables);
		}
		catch (ResourceAccessException ex) {
			throw ioFailure(path, ex.getCause() != null ? ex.getCause() : ex);
		}
		catch (RestClientException ex) {
			throw new DingTalkApiException(Kind.IO_ERROR, path, null, 0,
					"DingTalk " + path + " failed: " + ex.getClass().getSimpleName(), null);
		}
		finally {
			AccessTokenInterceptor.clear();
		}
	}

	private ObjectReader fieldReader(Class<?> type) {
		return this.fieldReaders.computeIfAbsent(type,
				(key) -> this.mapper.readerFor(key).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
	}

	/**
	 * Read one field of a successful answer straight from the bytes; anything else (an error, a
	 * body that is not a JSON object, an HTTP error) goes through {@link #parse} for its exception.
	 */
	private <T> T readField(String path, @Nullable Answer answer, String field, Class<T> type) {
		if (answer == null || answer.status >= 400 || answer.body.length == 0 || answer.body[0] != '{') {
			parse(path, answer);
		}
		try (JsonParser parser = this.mapper.createParser(answer.body)) {
			parser.nextToken();
			T value = null;
			boolean found = false;
			boolean ok = false;
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken token = parser.nextToken();
				if (name.equals(field)) {
					found = token != JsonToken.VALUE_NULL;
					value = found ? fieldReader(type).readValue(parser) : null;
				}
				else if (name.equals("errcode")) {
					ok = token == JsonToken.VALUE_NUMBER_INT && parser.getValueAsInt() == 0;
					if (!ok) {
						break;
					}
				}
				else if (name.equals("punish")) {
					break;
				}
				else {
					parser.skipChildren();
				}
			}
			if (!ok || parser.currentToken() != JsonToken.END_OBJECT) {
				parse(path, answer);
			}
			if (!found) {
				throw new DingTalkApiException(Kind.INVALID_RESPONSE, path, null, answer.status,
						"DingTalk " + path + " answered without '" + field + "'", null);
			}
			return value;
		}
		catch (JacksonException ex) {
			parse(path, answer);
			throw new DingTalkApiException(Kind.INVALID_RESPONSE, path, null, answer.status,
					"DingTalk " + path + " answered with fields DingBoot cannot map to " + type.getSimpleName(), null);
		}
	}

	private RequestCallback requestCallback(DingTalkRequest request) {
		Object body = request.body();
		if (body == null) {
			return (clientRequest) -> clientRequest.getHeaders().setAccept(Collections.singletonList(MediaType.APPLICATION_JSON));
		}
		if (request.multipart()) {
			return this.restTemplate.httpEntityCallback(body, Void.class);
		}
		byte[] json = this.mapper.writeValueAsBytes(body);
		return (clientRequest) -> {
			HttpHeaders headers = clientRequest.getHeaders();
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setAccept(Collections.singletonList(MediaType.APPLICATION_JSON));
			headers.setContentLength(json.length);
			StreamUtils.copy(json, clientRequest.getBody());
		};
	}

	private static Answer readAnswer(ClientHttpResponse response) throws IOException {
		return new Answer(response.getStatusCode().value(), StreamUtils.copyToByteArray(response.getBody()));
	}

	private JsonNode parse(String path, @Nullable Answer answer) {
		if (answer == null || answer.body.length == 0) {
			int status = (answer != null) ? answer.status : 0;
			Kind kind = (status >= 400) ? Kind.HTTP_ERROR : Kind.INVALID_RESPONSE;
			throw new DingTalkApiException(kind, path, null, status,
					"DingTalk " + path + " answered HTTP " + status + " with an empty body", null);
		}
		JsonNode node = readJson(answer.body);
		if (node == null || !node.isObject()) {
			Kind kind = (answer.status >= 400) ? Kind.HTTP_ERROR : Kind.INVALID_RESPONSE;
			throw new DingTalkApiException(kind, path, null, answer.status, answer.status < 400,
					"DingTalk " + path + " answered HTTP " + answer.status + " with a body that is not JSON"
							+ ((answer.status < 400) ? " (an IP ban page? DingTalk bans an egress IP for 5 minutes after 10,000 calls in 20 s)" : ""),
					null);
		}
		if (node.has("punish") || node.path("status").asInt(0) == 1111) {
			throw new DingTalkApiException(Kind.INVALID_RESPONSE, path, null, answer.status, true,
					"DingTalk " + path + " refused the call: this server's egress IP is banned for a while"
							+ " (over 10,000 calls in 20 s); back off",
					null);
		}
		JsonNode errcode = node.get("errcode");
		if (errcode != null && errcode.asInt(-1) == 0 && answer.status < 400) {
			return node;
		}
		if (errcode == null && answer.status < 400) {
			return node;
		}
		DingTalkError error = new DingTalkError((errcode != null) ? errcode.asInt(-1) : 0, text(node, "errmsg", "message"),
				text(node, "sub_code", "code"), text(node, "sub_msg", null), text(node, "request_id", "requestid"));
		Kind kind = (errcode != null) ? Kind.API_ERROR : Kind.HTTP_ERROR;
		throw new DingTalkApiException(kind, path, error, answer.status, ErrorMessages.describe(path, answer.status, error),
				null);
	}

	private @Nullable JsonNode readJson(byte[] body) {
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node, String name, @Nullable String fallback) {
		JsonNode value = node.get(name);
		if ((value == null || value.isNull()) && fallback != null) {
			value = node.get(fallback);
		}
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static DingTalkApiException ioFailure(String path, Throwable cause) {
		String what = (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException
				|| cause instanceof InterruptedIOException) ? "timed out" : "could not be reached";
		return new DingTalkApiException(Kind.IO_ERROR, path, null, 0,
				"DingTalk " + path + " " + what + " (" + cause.getClass().getSimpleName() + ")", cause);
	}

	private static boolean isRetryable(DingTalkRequest request, DingTalkApiException ex) {
		if (ex.getError().map((error) -> error.isThrottled() || error.isBusy()).orElse(false)) {
			return true;
		}
		if (ex.getKind() == Kind.HTTP_ERROR && ex.getHttpStatus() == 429) {
			return true;
		}
		if (ex.getKind() == Kind.HTTP_ERROR && ex.getHttpStatus() >= 500) {
			return request.idempotent() || ex.getHttpStatus() == 502 || ex.getHttpStatus() == 503;
		}
		if (ex.getKind() == Kind.IO_ERROR) {
			return request.idempotent() || ex.getCause() instanceof ConnectException;
		}
		return false;
	}

	private static String describe(DingTalkApiException ex) {
		return (ex.getEffectiveCode() != 0) ? "errcode " + ex.getEffectiveCode()
				: (ex.getHttpStatus() != 0) ? "HTTP " + ex.getHttpStatus() : ex.getKind().name();
	}

	private static void sleep(DingTalkRequest request, long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DingTalkApiException(Kind.IO_ERROR, request.path(), null, 0,
					"Interrupted while waiting to retry DingTalk " + request.path(), ex);
		}
	}

	/**
	 * Told of each retry.
	 */
	@FunctionalInterface
	public interface RetryListener {

		/**
		 * A call failed and is retried.
		 * @param request the request
		 * @param failure why it failed
		 */
		void retrying(DingTalkRequest request, DingTalkApiException failure);

	}

	/**
	 * Told of each call once it has succeeded or finally failed.
	 */
	@FunctionalInterface
	public interface ExchangeListener {

		/**
		 * A call ended.
		 * @param request the request (its path is a template, never with a token)
		 * @param failure why it failed, or {@code null} when it succeeded
		 * @param durationNanos how long it took, retries included
		 */
		void exchanged(DingTalkRequest request, @Nullable DingTalkApiException failure, long durationNanos);

	}

	private record Answer(int status, byte[] body) {
	}

	@FunctionalInterface
	private interface AnswerReader<T> {

		T read(String path, @Nullable Answer answer);

	}

	/**
	 * Leaves every HTTP status to {@link #parse}: DingTalk's error bodies matter more than the status.
	 */
	private static final class AnswerEveryStatus implements ResponseErrorHandler {

		@Override
		public boolean hasError(ClientHttpResponse response) {
			return false;
		}

	}

}
