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

import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
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
import tools.jackson.databind.JsonNode;
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

	private final DingTalkAnswers answers = new DingTalkAnswers(this.mapper);

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
		return exchange(request, secretQuery, this.answers::parse);
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
		return exchange(request, secretQuery, (path, answer) -> this.answers.readField(path, answer, field, type));
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

	private DingTalkAnswers.@Nullable Answer exchangeOnce(DingTalkRequest request, Map<String, String> secretQuery) {
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

	private static DingTalkAnswers.Answer readAnswer(ClientHttpResponse response) throws IOException {
		return new DingTalkAnswers.Answer(response.getStatusCode().value(), StreamUtils.copyToByteArray(response.getBody()));
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

	@FunctionalInterface
	private interface AnswerReader<T> {

		T read(String path, DingTalkAnswers.@Nullable Answer answer);

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
