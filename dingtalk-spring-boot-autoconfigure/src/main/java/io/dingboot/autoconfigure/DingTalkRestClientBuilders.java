package io.dingboot.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.dingboot.http.DingTalkJdkRequestFactory;
import io.dingboot.http.DingTalkRestClientCustomizer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Builds the {@link RestClient.Builder} of DingBoot's client: from the {@code RestTemplate} the
 * application handed over, or else from Boot's {@code RestClient.Builder} (observations, message
 * converters, {@code RestClientCustomizer}s) with a request factory for the HTTP library Boot chose
 * ({@link ClientHttpRequestFactoryBuilder}), Boot's HTTP client settings (redirects, SSL bundle) and
 * DingBoot's timeouts; then the {@link DingTalkRestClientCustomizer}s. Over the JDK client the
 * request factory is DingBoot's own, on a client built by Boot's {@link JdkHttpClientBuilder}. The
 * HTTP client itself is built on the first call.
 */
final class DingTalkRestClientBuilders {

	private DingTalkRestClientBuilders() {
	}

	@SuppressWarnings("removal")
	static RestClient.Builder create(DingTalkProperties properties, @Nullable RestTemplate handedOver,
			Supplier<RestClient.Builder> bootBuilder, ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder,
			HttpClientSettings settings, List<io.dingboot.http.DingTalkRestTemplateCustomizer> templateCustomizers,
			List<DingTalkRestClientCustomizer> customizers) {
		RestClient.Builder builder;
		if (handedOver != null) {
			// the application's template: its request factory, interceptors, converters and timeouts
			builder = RestClient.builder(handedOver);
		}
		else {
			// the HTTP client is built on the first call, not at start-up
			ClientHttpRequestFactory requestFactory = new LazyRequestFactory(
					() -> requestFactory(properties, requestFactoryBuilder, settings));
			builder = bootBuilder.get().requestFactory(requestFactory);
			if (!templateCustomizers.isEmpty()) {
				RestTemplate template = new RestTemplate(requestFactory);
				templateCustomizers.forEach((customizer) -> customizer.customize(template));
				List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>(template.getInterceptors());
				template.setInterceptors(List.of());
				builder.requestFactory(template.getRequestFactory())
					.requestInterceptors((list) -> list.addAll(interceptors));
			}
		}
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	private static ClientHttpRequestFactory requestFactory(DingTalkProperties properties,
			ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder, HttpClientSettings settings) {
		HttpClientSettings dingTalkSettings = settings.withTimeouts(properties.getHttp().getConnectTimeout(),
				properties.getHttp().getReadTimeout());
		if (requestFactoryBuilder instanceof JdkClientHttpRequestFactoryBuilder) {
			URI baseUri = properties.baseUri();
			// HTTP/2 is negotiated on https; on plain http (FakeDingTalk, a local proxy) the JDK client
			// would try an h2c upgrade on every new connection, so stay with HTTP/1.1 there.
			// DingBoot sends synchronously and reads small bodies whole: the client's own selector
			// thread completes each exchange, with no hand-off to a pool thread and back. The read
			// timeout becomes the JDK request timeout, so no call waits forever. Framework's JDK
			// request factory cannot run on such a client (see DingTalkJdkRequestFactory).
			HttpClient.Version version = "http".equals(baseUri.getScheme()) ? HttpClient.Version.HTTP_1_1
					: HttpClient.Version.HTTP_2;
			HttpClient httpClient = new JdkHttpClientBuilder().withExecutor(Runnable::run)
				.withCustomizer((client) -> client.version(version))
				.build(dingTalkSettings.withReadTimeout(null));
			return new DingTalkJdkRequestFactory(httpClient, properties.getHttp().getReadTimeout());
		}
		return requestFactoryBuilder.build(dingTalkSettings);
	}

}
