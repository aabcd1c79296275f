package io.dingboot.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dingboot.DingTalkApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.dingboot.http.DingTalkStubs.gettoken;
import static io.dingboot.http.DingTalkStubs.json;
import static io.dingboot.http.DingTalkStubs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The ways an application shapes DingBoot's {@code RestClient}: a {@code RestTemplate} handed over
 * as the bean {@value DingTalkTransport#REST_TEMPLATE_BEAN_NAME}, {@link DingTalkRestClientCustomizer}
 * beans, the deprecated {@link DingTalkRestTemplateCustomizer}, and transport listener beans. The
 * application's interceptors see every DingTalk call, never the token or the secret.
 */
class DingTalkRestClientCustomizationTests {

	private static final String LISTSUB = "/topapi/v2/department/listsub";

	private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final List<String> seen = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		DingTalkStubs.startWarm(this.server);
		this.server.stubFor(gettoken().willReturn(token("tok-1", 7200)));
		this.server.stubFor(post(urlPathEqualTo(LISTSUB)).willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":[]}")));
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	private ClientHttpRequestInterceptor recording(String name) {
		return (request, body, execution) -> {
			this.seen.add(name + " " + request.getMethod() + " " + request.getURI() + " " + request.getHeaders());
			request.getHeaders().set("X-Seen-By", name);
			return execution.execute(request, body);
		};
	}

	private void listsub(DingTalkClient client) {
		client.execute(DingTalkRequest.post(LISTSUB).body(Map.of("dept_id", 1)).build());
	}

	private void assertSeenWithoutSecrets(String name) {
		assertThat(this.seen).anySatisfy((call) -> assertThat(call).startsWith(name + " POST http://127.0.0.1:")
			.contains(LISTSUB));
		assertThat(this.seen).anySatisfy((call) -> assertThat(call).startsWith(name + " GET").contains("/gettoken"));
		assertThat(this.seen).allSatisfy((call) -> assertThat(call).doesNotContain("tok-1")
			.doesNotContain(DingTalkStubs.APP_SECRET));
	}

	@Test
	void restTemplateHandedOverIsWhatDingBootSendsThrough() {
		RestTemplate template = new RestTemplate(new SimpleClientHttpRequestFactory());
		template.getInterceptors().add(recording("application"));
		DingTalkStubs.runner(this.server, "jdk")
			.withBean(DingTalkTransport.REST_TEMPLATE_BEAN_NAME, RestTemplate.class, () -> template)
			.run((context) -> {
				listsub(context.getBean(DingTalkClient.class));
				assertSeenWithoutSecrets("application");
				// the template's own request factory (HttpURLConnection), not Boot's JDK client
				this.server.verify(1, postRequestedFor(urlPathEqualTo(LISTSUB)).withHeader("X-Seen-By", equalTo("application"))
					.withHeader("User-Agent", matching("Java/.*"))
					.withQueryParam("access_token", equalTo("tok-1")));
			});
	}

	@Test
	void restTemplateUnderAnotherNameIsNotUsed() {
		RestTemplate template = new RestTemplate();
		template.getInterceptors().add(recording("other"));
		DingTalkStubs.runner(this.server, "jdk").withBean("restTemplate", RestTemplate.class, () -> template).run((context) -> {
			listsub(context.getBean(DingTalkClient.class));
			assertThat(this.seen).isEmpty();
			this.server.verify(1, postRequestedFor(urlPathEqualTo(LISTSUB)).withHeader("User-Agent", matching("Java-http-client/.*")));
		});
	}

	@Test
	void restClientCustomizersShapeDingBootsClientOnlyInOrderAndSeeNoSecret() {
		DingTalkStubs.runner(this.server, "jdk")
			.withBean("first", DingTalkRestClientCustomizer.class,
					() -> (builder) -> builder.requestInterceptor(recording("first")))
			.withBean("second", DingTalkRestClientCustomizer.class,
					() -> (builder) -> builder.requestInterceptor(recording("second")).defaultHeader("X-App", "hr"))
			.run((context) -> {
				listsub(context.getBean(DingTalkClient.class));
				assertSeenWithoutSecrets("first");
				assertSeenWithoutSecrets("second");
				assertThat(this.seen.get(0)).startsWith("first");
				this.server.verify(1, postRequestedFor(urlPathEqualTo(LISTSUB)).withHeader("X-App", equalTo("hr"))
					.withHeader("X-Seen-By", equalTo("second")));
				// Boot's builder for the application's own clients is untouched
				this.seen.clear();
				context.getBean(RestClient.Builder.class)
					.build()
					.post()
					.uri(this.server.baseUrl() + LISTSUB)
					.retrieve()
					.toBodilessEntity();
				assertThat(this.seen).isEmpty();
			});
	}

	@Test
	void defaultHeadersOfACustomizerAreSentButDingBootsJsonHeadersWin() {
		DingTalkStubs.runner(this.server, "jdk")
			.withBean("headers", DingTalkRestClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("Accept", "text/plain")
						.defaultHeader("Content-Type", "text/plain")
						.defaultHeader("X-App", "hr"))
			.run((context) -> {
				listsub(context.getBean(DingTalkClient.class));
				List<LoggedRequest> sent = this.server.findAll(postRequestedFor(urlPathEqualTo(LISTSUB)));
				assertThat(sent).hasSize(1);
				assertThat(sent.get(0).getHeaders().getHeader("Accept").values()).containsExactly("application/json");
				assertThat(sent.get(0).getHeaders().getHeader("Content-Type").values())
					.containsExactly("application/json");
				assertThat(sent.get(0).getHeaders().getHeader("X-App").values()).containsExactly("hr");
				assertThat(sent.get(0).getBodyAsString()).isEqualTo("{\"dept_id\":1}");
			});
	}

	@Test
	void observationsSeeTheUriTemplateWithoutTokenOrSecret() {
		List<String> observed = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<ClientRequestObservationContext>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ClientRequestObservationContext;
			}

			@Override
			public void onStop(ClientRequestObservationContext context) {
				KeyValues keyValues = new DefaultClientRequestObservationConvention().getLowCardinalityKeyValues(context)
					.and(new DefaultClientRequestObservationConvention().getHighCardinalityKeyValues(context));
				observed.add(context.getUriTemplate() + " " + keyValues);
			}

		});
		DingTalkStubs.runner(this.server, "jdk")
			.withBean(DingTalkRestClientCustomizer.class, () -> (builder) -> builder.observationRegistry(registry))
			.run((context) -> {
				DingTalkClient client = context.getBean(DingTalkClient.class);
				listsub(client);
				client.execute(DingTalkRequest.post(LISTSUB).query("language", "zh_CN").body(Map.of("dept_id", 1)).build());
				assertThat(observed).hasSize(3);
				assertThat(observed.get(0)).startsWith("http://127.0.0.1:" + this.server.port() + "/gettoken ")
					.contains("keyValue(uri=/gettoken)");
				assertThat(observed.get(1)).startsWith("http://127.0.0.1:" + this.server.port() + LISTSUB + " ")
					.contains("keyValue(uri=" + LISTSUB + ")");
				assertThat(observed.get(2)).startsWith("http://127.0.0.1:" + this.server.port() + LISTSUB + "?language={q0} ")
					.contains("keyValue(uri=" + LISTSUB + "?language={q0})");
				assertThat(observed).allSatisfy((entry) -> assertThat(entry).doesNotContain("tok-1")
					.doesNotContain(DingTalkStubs.APP_SECRET)
					.doesNotContain("access_token"));
			});
	}

	@Test
	@SuppressWarnings("removal")
	void deprecatedRestTemplateCustomizerStillAddsItsInterceptor() {
		DingTalkStubs.runner(this.server, "jdk")
			.withBean(DingTalkRestTemplateCustomizer.class,
					() -> (restTemplate) -> restTemplate.getInterceptors().add(recording("template")))
			.run((context) -> {
				listsub(context.getBean(DingTalkClient.class));
				assertSeenWithoutSecrets("template");
				this.server.verify(1, postRequestedFor(urlPathEqualTo(LISTSUB)).withHeader("User-Agent", matching("Java-http-client/.*")));
			});
	}

	@Test
	void transportListenerBeansAreToldOfEveryCallAndRetry() {
		this.server.stubFor(post(urlPathEqualTo("/topapi/busy")).willReturn(json("{\"errcode\":-1,\"errmsg\":\"busy\"}")));
		List<String> events = new CopyOnWriteArrayList<>();
		DingTalkStubs.runner(this.server, "jdk")
			.withBean("exchanges", DingTalkTransport.ExchangeListener.class,
					() -> (app, request, failure, nanos) -> events.add("exchanged " + app + " " + request + " " + ((failure != null) ? failure.getErrcode() : "ok")))
			.withBean("retries", DingTalkTransport.RetryListener.class,
					() -> (app, request, failure) -> events.add("retrying " + app + " " + request + " " + failure.getErrcode()))
			.run((context) -> {
				DingTalkClient client = context.getBean(DingTalkClient.class);
				listsub(client);
				assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(
						() -> client.execute(DingTalkRequest.post("/topapi/busy").body(Map.of()).build()));
				assertThat(events).containsExactly("exchanged default GET /gettoken ok",
						"exchanged default POST " + LISTSUB + " ok", "retrying default POST /topapi/busy -1",
						"retrying default POST /topapi/busy -1", "exchanged default POST /topapi/busy -1");
			});
	}

	@Test
	void gatewayErrorWithoutJsonIsRetriedOnlyWhenTheCallIsIdempotentOr502() {
		this.server.stubFor(post(urlPathEqualTo("/topapi/gw")).willReturn(aResponse().withStatus(504).withBody("<html>")));
		DingTalkStubs.runner(this.server, "jdk").run((context) -> {
			DingTalkClient client = context.getBean(DingTalkClient.class);
			assertThatExceptionOfType(DingTalkApiException.class)
				.isThrownBy(() -> client.execute(DingTalkRequest.post("/topapi/gw").body(Map.of()).build()));
			this.server.verify(1, postRequestedFor(urlPathEqualTo("/topapi/gw")));
			assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(
					() -> client.execute(DingTalkRequest.post("/topapi/gw").body(Map.of()).idempotent(true).build()));
			this.server.verify(1 + 3, postRequestedFor(urlPathEqualTo("/topapi/gw")));
		});
	}

}
