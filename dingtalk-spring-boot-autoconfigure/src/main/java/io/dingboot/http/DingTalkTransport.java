package io.dingboot.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends {@link DingTalkRequest}s through a {@link RestClient}, turns every failure into a
 * {@link DingTalkApiException}, and retries throttled and busy answers within the
 * {@link RetrySettings}, with Spring Framework's {@link RetryTemplate}. It knows nothing of how
 * tokens are obtained: see {@link DingTalkClient}.
 * <p>
 * Secrets (the access token, the credentials of {@code /gettoken}) travel to the last interceptor
 * as a request attribute and are put on the request there, so what {@code RestClient} logs and
 * observes, and what the application's interceptors see, is the URI template without them.
 */
public final class DingTalkTransport {

	/**
	 * The name of a {@code RestTemplate} bean the application configured for DingTalk
	 * (interceptors, proxy, request factory): when present, DingBoot builds its {@code RestClient}
	 * from it.
	 */
	public static final String REST_TEMPLATE_BEAN_NAME = "dingTalkRestTemplate";

	private static final Logger logger = LoggerFactory.getLogger(DingTalkTransport.class);

	private static final URI DEFAULT_BASE_URL = URI.create("https://oapi.dingtalk.com");

	/** The {@code Accept} header of every call, as {@code HttpHeaders.setAccept} would write it. */
	private static final String ACCEPT_JSON = MediaType.toString(List.of(MediaType.APPLICATION_JSON));

	/** The first read buffer of an answer whose length is not given (a gzip-encoded one, say). */
	private static final int ANSWER_BUFFER = 2048;

	/** The largest announced length that is trusted for the first read buffer. */
	private static final int MAX_ANNOUNCED_BUFFER = 1024 * 1024;

	private static final String DEFAULT_APP = "default";

	private final SingletonSupplier<RestClient> restClient;

	private final String baseUrl;

	private final RetryTemplate idempotentRetries;

	private final RetryTemplate retries;

	private final @Nullable ExchangeListener exchangeListener;

	private final @Nullable RetryListener retryListener;

	private final DingTalkAnswers answers;

	private final DingTalkAnswers v1Answers;

	private final String app;

	/**
	 * Create a transport without listeners.
	 * @param restClient the builder of the client to send with (not changed: it is cloned)
	 * @param baseUrl the base URL of requests that name none, {@code dingtalk.base-url}
	 * @param retry the retry bounds
	 */
	public DingTalkTransport(RestClient.Builder restClient, URI baseUrl, RetrySettings retry) {
		this(restClient, baseUrl, retry, null, null);
	}

	/**
	 * Create a transport.
	 * @param restClient the builder of the client to send with (not changed: it is cloned)
	 * @param baseUrl the base URL of requests that name none, {@code dingtalk.base-url}
	 * @param retry the retry bounds
	 * @param exchangeListener told of each call's outcome and duration, or {@code null}
	 * @param retryListener told of each retry, or {@code null}
	 */
	public DingTalkTransport(RestClient.Builder restClient, URI baseUrl, RetrySettings retry,
			@Nullable ExchangeListener exchangeListener, @Nullable RetryListener retryListener) {
		this(copyOf(restClient), baseUrl, retry, exchangeListener, retryListener);
	}

	/**
	 * Create a transport whose {@code RestClient} is built on the first call: the HTTP client
	 * under it, and whatever the builder's source builds with it, cost an application nothing at
	 * start-up.
	 * @param restClient supplies the builder of the client to send with, asked once on the first
	 * call
	 * @param baseUrl the base URL of requests that name none, {@code dingtalk.base-url}
	 * @param retry the retry bounds
	 * @param exchangeListener told of each call's outcome and duration, or {@code null}
	 * @param retryListener told of each retry, or {@code null}
	 */
	public DingTalkTransport(Supplier<RestClient.Builder> restClient, URI baseUrl, RetrySettings retry,
			@Nullable ExchangeListener exchangeListener, @Nullable RetryListener retryListener) {
		this.restClient = SingletonSupplier.of(() -> restClient.get()
			.uriBuilderFactory(new DingTalkUriBuilderFactory())
			.requestInterceptors((interceptors) -> {
				interceptors.removeIf(AccessTokenInterceptor.class::isInstance);
				interceptors.add(new AccessTokenInterceptor());
			})
			.build());
		String base = baseUrl.toString();
		this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.exchangeListener = exchangeListener;
		this.retryListener = retryListener;
		this.idempotentRetries = retryTemplate(retry, true);
		this.retries = retryTemplate(retry, false);
		this.answers = new DingTalkAnswers(ApiFamily.LEGACY);
		this.v1Answers = new DingTalkAnswers(ApiFamily.V1);
		this.app = DEFAULT_APP;
	}

	private DingTalkTransport(DingTalkTransport source, String app) {
		this.restClient = source.restClient;
		this.baseUrl = source.baseUrl;
		this.exchangeListener = source.exchangeListener;
		this.retryListener = source.retryListener;
		this.idempotentRetries = source.idempotentRetries;
		this.retries = source.retries;
		this.answers = source.answers;
		this.v1Answers = source.v1Answers;
		this.app = app;
	}

	/**
	 * This transport for the app named {@code app}: the same {@code RestClient}, retries and
	 * listeners, with the calls reported to the listeners as that app's. Cheap: nothing is built.
	 * @param app the app's name (never its key or secret), e.g. {@code hr}
	 * @return a transport whose calls are the app's
	 */
	public DingTalkTransport forApp(String app) {
		Assert.hasText(app, "'app' must not be empty");
		return app.equals(this.app) ? this : new DingTalkTransport(this, app);
	}

	/**
	 * The name of the app this transport's calls are reported as: {@code default} unless it was
	 * made {@link #forApp for an app}.
	 * @return the app's name
	 */
	public String app() {
		return this.app;
	}


	private static Supplier<RestClient.Builder> copyOf(RestClient.Builder restClient) {
		RestClient.Builder copy = restClient.clone();
		return () -> copy;
	}

	private RetryTemplate retryTemplate(RetrySettings settings, boolean idempotent) {
		RetryTemplate template = new RetryTemplate(
				settings.policy((ex) -> ex instanceof DingTalkApiException failure && isRetryable(idempotent, failure)));
		template.setRetryListener(new RetryEvents());
		return template;
	}

	/**
	 * Send {@code request}, adding {@code secretQuery} (the access token, or the credentials of
	 * {@code /gettoken}) to the query string outside of what is logged.
	 * @param request the request
	 * @param secretQuery query parameters that must not be logged
	 * @return the JSON answer, its errcode checked
	 */
	public JsonNode exchange(DingTalkRequest request, Map<String, String> secretQuery) {
		return exchange(request, SecretParameters.query(secretQuery), this.answers::parse);
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
		return exchange(request, SecretParameters.query(secretQuery), fieldReader(field, type));
	}

	/**
	 * Send a v1.0 family request whose JSON body is made of secrets (the credentials of
	 * {@code POST /v1.0/oauth2/accessToken}), written outside of what is logged and observed, and
	 * read the answer in the v1.0 conventions.
	 * @param request the request, without a body
	 * @param secretBody the fields of the JSON object to send as the body
	 * @return the JSON answer
	 */
	public JsonNode exchangeWithSecretBody(DingTalkRequest request, Map<String, String> secretBody) {
		return exchange(request, SecretParameters.jsonBody(secretBody), ApiFamily.V1);
	}

	JsonNode exchange(DingTalkRequest request, SecretParameters secrets) {
		return exchange(request, secrets, ApiFamily.LEGACY);
	}

	JsonNode exchange(DingTalkRequest request, SecretParameters secrets, ApiFamily family) {
		DingTalkAnswers reader = answers(family);
		return exchange(request, secrets, reader::parse, family);
	}

	<T> AnswerReader<T> fieldReader(String field, Class<T> type) {
		return fieldReader(field, type, ApiFamily.LEGACY);
	}

	<T> AnswerReader<T> fieldReader(String field, Class<T> type, ApiFamily family) {
		DingTalkAnswers reader = answers(family);
		return (path, answer) -> reader.readField(path, answer, field, type);
	}

	private DingTalkAnswers answers(ApiFamily family) {
		return (family == ApiFamily.V1) ? this.v1Answers : this.answers;
	}

	<T> T exchange(DingTalkRequest request, SecretParameters secrets, AnswerReader<T> reader) {
		return exchange(request, secrets, reader, ApiFamily.LEGACY);
	}

	<T> T exchange(DingTalkRequest request, SecretParameters secrets, AnswerReader<T> reader, ApiFamily family) {
		ExchangeListener listener = this.exchangeListener;
		if (listener == null) {
			return exchangeWithRetries(request, secrets, reader, family);
		}
		long start = System.nanoTime();
		try {
			T answer = exchangeWithRetries(request, secrets, reader, family);
			listener.exchanged(this.app, request, null, System.nanoTime() - start);
			return answer;
		}
		catch (DingTalkApiException ex) {
			listener.exchanged(this.app, request, ex, System.nanoTime() - start);
			throw ex;
		}
	}

	private <T> T exchangeWithRetries(DingTalkRequest request, SecretParameters secrets, AnswerReader<T> reader,
			ApiFamily family) {
		Attempt<T> attempt = new Attempt<>(request, secrets, reader, family);
		try {
			return (request.idempotent() ? this.idempotentRetries : this.retries).execute(attempt);
		}
		catch (RetryException ex) {
			if (attempt.interrupted) {
				throw DingTalkApiException.transport(request.path(),
						"Interrupted while waiting to retry DingTalk " + request.path(), ex.getCause());
			}
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw DingTalkApiException.transport(request.path(), "DingTalk " + request.path() + " failed", ex.getCause());
		}
	}

	private DingTalkAnswers.@Nullable Answer exchangeOnce(DingTalkRequest request, SecretParameters secrets,
			ApiFamily family) {
		String path = request.path();
		URI requestBase = request.baseUrl();
		String base = (requestBase != null) ? trimSlash(requestBase.toString()) : this.baseUrl;
		Map<String, Object> uriVariables = request.pathVariables();
		String template;
		if (request.query().isEmpty()) {
			template = base.concat(path);
		}
		else {
			StringBuilder builder = new StringBuilder(base.length() + path.length() + 16 * request.query().size())
				.append(base)
				.append(path);
			uriVariables = new LinkedHashMap<>(uriVariables);
			char separator = '?';
			int index = 0;
			for (Map.Entry<String, Object> parameter : request.query().entrySet()) {
				String variable = "q" + index++;
				while (uriVariables.containsKey(variable)) {
					variable = "q" + variable;
				}
				builder.append(separator).append(parameter.getKey()).append("={").append(variable).append('}');
				uriVariables.put(variable, parameter.getValue());
				separator = '&';
			}
			template = builder.toString();
		}
		RestClient.RequestBodySpec spec = this.restClient.obtain().method(request.method()).uri(template, uriVariables);
		if (!secrets.isEmpty()) {
			spec.attribute(AccessTokenInterceptor.ATTRIBUTE, secrets);
		}
		HttpHeaders extraHeaders = request.headers();
		Object body = request.body();
		if (body != null && request.multipart()) {
			// the multipart converter writes its Content-Type, with the boundary, over these
			spec.headers((headers) -> {
				headers.set(HttpHeaders.ACCEPT, ACCEPT_JSON);
				headers.putAll(extraHeaders);
			});
			spec.body(body);
		}
		else {
			byte[] json = (body != null) ? family.mapper().writeValueAsBytes(body) : null;
			if (json != null) {
				spec.body((output) -> output.write(json));
			}
			// straight onto the request: headers given to the spec are a map of their own, copied
			// onto the request on every call
			spec.httpRequest((clientRequest) -> setHeaders(clientRequest.getHeaders(), extraHeaders, json));
		}
		try {
			return spec.exchange((clientRequest, response) -> readAnswer(response));
		}
		catch (ResourceAccessException ex) {
			throw ioFailure(path, (ex.getCause() != null) ? ex.getCause() : ex);
		}
		catch (RestClientException ex) {
			throw DingTalkApiException.transport(path, "DingTalk " + path + " failed: " + ex.getClass().getSimpleName(),
					null);
		}
	}

	private static void setHeaders(HttpHeaders headers, HttpHeaders extraHeaders, byte @Nullable [] json) {
		headers.set(HttpHeaders.ACCEPT, ACCEPT_JSON);
		if (!extraHeaders.isEmpty()) {
			headers.putAll(extraHeaders);
		}
		if (json != null) {
			if (extraHeaders.getContentType() == null) {
				headers.setContentType(MediaType.APPLICATION_JSON);
			}
			headers.setContentLength(json.length);
		}
	}

	private static String trimSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static DingTalkAnswers.Answer readAnswer(ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		InputStream body = response.getBody();
		// a body already in memory (DingBoot's JDK client request factory) is copied as it is
		byte[] bytes = (body instanceof ByteArrayInputStream) ? body.readAllBytes()
				: readBody(body, response.getHeaders().getContentLength());
		return new DingTalkAnswers.Answer(status, bytes);
	}


	/**
	 * The whole body, read into a buffer of the announced length (grown when the body is longer
	 * after all), or else of {@value #ANSWER_BUFFER} bytes doubled as needed: DingTalk's answers are
	 * small, and {@code InputStream.readAllBytes} allocates 8 KiB and more for each.
	 */
	static byte[] readBody(InputStream body, long announcedLength) throws IOException {
		int size = (announcedLength >= 0 && announcedLength <= MAX_ANNOUNCED_BUFFER) ? (int) announcedLength
				: ANSWER_BUFFER;
		byte[] buffer = new byte[size];
		int length = 0;
		while (true) {
			if (length == buffer.length) {
				int next = body.read();
				if (next < 0) {
					return buffer;
				}
				buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, ANSWER_BUFFER));
				buffer[length++] = (byte) next;
			}
			int read = body.read(buffer, length, buffer.length - length);
			if (read < 0) {
				return Arrays.copyOf(buffer, length);
			}
			length += read;
		}
	}

	private static DingTalkApiException ioFailure(String path, Throwable cause) {
		String what = (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException
				|| cause instanceof InterruptedIOException) ? "timed out" : "could not be reached";
		return DingTalkApiException.transport(path,
				"DingTalk " + path + " " + what + " (" + cause.getClass().getSimpleName() + ")", cause);
	}

	/**
	 * Whether a failed call may be sent again. Throttled and busy answers came back, so DingTalk did
	 * not act on the call and it is retried whatever it is. A call without an answer (time out, reset,
	 * a 5xx from a gateway that may have passed it on) may already have taken effect: only a call
	 * that says it is idempotent is retried, apart from a connection that was never made and a
	 * 502/503, which mean the call did not reach DingTalk.
	 */
	private static boolean isRetryable(boolean idempotent, DingTalkApiException ex) {
		if (ex.getError().map((error) -> error.isThrottled() || error.isBusy()).orElse(false)) {
			return true;
		}
		if (ex.getKind() == Kind.HTTP_ERROR && ex.getHttpStatus() == 429) {
			return true;
		}
		if (ex.getKind() == Kind.HTTP_ERROR && ex.getHttpStatus() >= 500) {
			return idempotent || ex.getHttpStatus() == 502 || ex.getHttpStatus() == 503;
		}
		if (ex.getKind() == Kind.IO_ERROR) {
			return idempotent || ex.getCause() instanceof ConnectException;
		}
		return false;
	}

	private static String describe(DingTalkApiException ex) {
		return (ex.getEffectiveCode() != 0) ? "errcode " + ex.getEffectiveCode()
				: (ex.getHttpStatus() != 0) ? "HTTP " + ex.getHttpStatus() : ex.getKind().name();
	}

	/**
	 * Told of each retry.
	 */
	@FunctionalInterface
	public interface RetryListener {

		/**
		 * A call failed and is retried.
		 * @param app the name of the app that made the call ({@code default} for the top-level
		 * app), never its key
		 * @param request the request
		 * @param failure why it failed
		 */
		void retrying(String app, DingTalkRequest request, DingTalkApiException failure);

	}

	/**
	 * Told of each call once it has succeeded or finally failed.
	 */
	@FunctionalInterface
	public interface ExchangeListener {

		/**
		 * A call ended.
		 * @param app the name of the app that made the call ({@code default} for the top-level
		 * app), never its key
		 * @param request the request (its path is a template, never with a token)
		 * @param failure why it failed, or {@code null} when it succeeded
		 * @param durationNanos how long it took, retries included
		 */
		void exchanged(String app, DingTalkRequest request, @Nullable DingTalkApiException failure, long durationNanos);

	}

	@FunctionalInterface
	interface AnswerReader<T> {

		T read(String path, DingTalkAnswers.@Nullable Answer answer);

	}

	/**
	 * One call as Framework's {@link RetryTemplate} runs it, once per attempt.
	 */
	private final class Attempt<T> implements Retryable<T> {

		private final DingTalkRequest request;

		private final SecretParameters secrets;

		private final AnswerReader<T> reader;

		private final ApiFamily family;

		private volatile boolean interrupted;

		Attempt(DingTalkRequest request, SecretParameters secrets, AnswerReader<T> reader, ApiFamily family) {
			this.request = request;
			this.secrets = secrets;
			this.reader = reader;
			this.family = family;
		}

		@Override
		public T execute() {
			return this.reader.read(this.request.path(), exchangeOnce(this.request, this.secrets, this.family));
		}

		@Override
		public String getName() {
			return this.request.path();
		}

		String app() {
			return DingTalkTransport.this.app;
		}

	}

	/**
	 * Logs retries and tells the {@link RetryListener}; notes an interrupted backoff.
	 */
	private final class RetryEvents implements org.springframework.core.retry.RetryListener {

		@Override
		public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState retryState) {
			if (retryable instanceof Attempt<?> attempt
					&& retryState.getLastException() instanceof DingTalkApiException failure) {
				logger.debug("DingTalk {} failed ({}), retry {}", attempt.request, describe(failure),
						retryState.getRetryCount());
				RetryListener listener = DingTalkTransport.this.retryListener;
				if (listener != null) {
					listener.retrying(attempt.app(), attempt.request, failure);
				}
			}
		}

		@Override
		public void onRetryPolicyInterruption(RetryPolicy retryPolicy, Retryable<?> retryable,
				RetryException exception) {
			if (retryable instanceof Attempt<?> attempt) {
				attempt.interrupted = true;
			}
		}

	}

}
