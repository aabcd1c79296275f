package io.dingboot.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * Cases that take DingBoot's cost per call apart, run alone with {@code PEER_CASES} rather than in
 * the peer benchmark's rounds: the layers between the bare call over Apache HttpClient 5 and DingBoot
 * (Framework's request factory over the client Boot builds, a {@code RestClient} over that factory,
 * the same with one request interceptor), and cases with no call at all that show what the same
 * Jackson mapping costs warm and right after the CPU has idled.
 */
final class PeerLayers {

	static final String HTTP_CLIENT_5_FACTORY = "httpclient5, Boot's settings, Framework's request factory";

	static final String HTTP_CLIENT_5_REST_CLIENT = "httpclient5, Boot's settings, RestClient";

	static final String HTTP_CLIENT_5_REST_CLIENT_INTERCEPTOR = "httpclient5, Boot's settings, RestClient and an interceptor";

	static final String MAPPING_ALONE = "Jackson mapping of the answer alone, no call";

	static final String PAUSE_ALONE = "a 100 µs pause alone, no call";

	static final String MAPPING_AFTER_PAUSE = "a 100 µs pause, then Jackson mapping of the answer, no call";

	private static final long PAUSE_NANOS = 100_000;

	/**
	 * The cases by name, each a client made from the stub's base URL.
	 */
	static final Map<String, Function<String, PeerClients.Call>> LAYERS = new LinkedHashMap<>();

	static {
		LAYERS.put(HTTP_CLIENT_5_FACTORY, PeerLayers::httpClient5Factory);
		LAYERS.put(HTTP_CLIENT_5_REST_CLIENT, (base) -> httpClient5RestClient(base, false));
		LAYERS.put(HTTP_CLIENT_5_REST_CLIENT_INTERCEPTOR, (base) -> httpClient5RestClient(base, true));
		LAYERS.put(MAPPING_ALONE, (base) -> mappingAfterPause(0, true));
		LAYERS.put(PAUSE_ALONE, (base) -> mappingAfterPause(PAUSE_NANOS, false));
		LAYERS.put(MAPPING_AFTER_PAUSE, (base) -> mappingAfterPause(PAUSE_NANOS, true));
	}

	private PeerLayers() {
	}

	/**
	 * Framework's request factory over the Apache HttpClient 5 client Boot builds, with DingBoot's
	 * default timeouts, as DingBoot gets it.
	 */
	private static ClientHttpRequestFactory bootHttpClient5Factory() {
		return ClientHttpRequestFactoryBuilder.httpComponents()
			.build(HttpClientSettings.defaults().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10)));
	}

	private static PeerClients.Call httpClient5Factory(String base) {
		ClientHttpRequestFactory factory = bootHttpClient5Factory();
		URI uri = PeerClients.uri(base);
		return () -> {
			ClientHttpRequest request = factory.createRequest(uri, HttpMethod.POST);
			request.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			request.getHeaders().setContentLength(PeerClients.REQUEST_BODY.length);
			request.getBody().write(PeerClients.REQUEST_BODY);
			try (ClientHttpResponse response = request.execute()) {
				return answered(response.getStatusCode().value(), response.getBody().readAllBytes());
			}
		};
	}

	private static PeerClients.Call httpClient5RestClient(String base, boolean interceptor) {
		RestClient.Builder builder = RestClient.builder().requestFactory(bootHttpClient5Factory());
		if (interceptor) {
			builder.requestInterceptor((request, body, execution) -> {
				request.getHeaders().set("X-Bench", "1");
				return execution.execute(request, body);
			});
		}
		RestClient client = builder.build();
		// the token as a URI variable, expanded by the RestClient's URI template handling on each call
		String uri = base + PeerClients.PATH + "?access_token={token}";
		return () -> client.post()
			.uri(uri, "bench-token")
			.contentType(MediaType.APPLICATION_JSON)
			.contentLength(PeerClients.REQUEST_BODY.length)
			.body((output) -> output.write(PeerClients.REQUEST_BODY))
			.exchange((request, response) -> answered(response.getStatusCode().value(),
					response.getBody().readAllBytes()));
	}

	/**
	 * No call at all: the caller pauses as it would while a call is under way (the CPU idles), then
	 * maps the stub's answer, or does only one of the two.
	 */
	private static PeerClients.Call mappingAfterPause(long pauseNanos, boolean map) {
		JsonMapper mapper = PeerClients.mapper();
		byte[] answer = StubServer.LISTSUB_BODY.getBytes(StandardCharsets.UTF_8);
		return () -> {
			if (pauseNanos > 0) {
				LockSupport.parkNanos(pauseNanos);
			}
			if (!map) {
				return answer;
			}
			PeerClients.ListSubAnswer mapped = mapper.readValue(answer, PeerClients.ListSubAnswer.class);
			if (mapped.result().size() != 10) {
				throw new IllegalStateException("expected 10 departments");
			}
			return mapped;
		};
	}

	private static byte[] answered(int status, byte[] body) {
		if (status != 200 || body.length == 0) {
			throw new IllegalStateException("HTTP " + status);
		}
		return body;
	}

}
