package io.dingboot.http;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AccessTokenInterceptor} puts the token on the request it passes on, the current one on
 * every call, and never on the request the interceptors before it see.
 */
class AccessTokenInterceptorTests {

	private static final URI LISTSUB = URI.create("https://oapi.dingtalk.com/topapi/v2/department/listsub");

	private final AccessTokenInterceptor interceptor = new AccessTokenInterceptor();

	private final List<URI> sent = new ArrayList<>();

	private final ClientHttpRequestExecution execution = (request, body) -> {
		this.sent.add(request.getURI());
		return new MockClientHttpResponse(new byte[0], 200);
	};

	@Test
	void eachCallCarriesTheTokenItWasGivenAndTheOriginalRequestNone() throws IOException {
		MockClientHttpRequest first = request(LISTSUB, "token-1");
		this.interceptor.intercept(first, new byte[0], this.execution);
		this.interceptor.intercept(request(LISTSUB, "token-1"), new byte[0], this.execution);
		this.interceptor.intercept(request(LISTSUB, "token-2"), new byte[0], this.execution);
		this.interceptor.intercept(request(URI.create(LISTSUB + "?language=en_US"), "token-2"), new byte[0],
				this.execution);
		assertThat(this.sent).extracting(URI::toString)
			.containsExactly(LISTSUB + "?access_token=token-1", LISTSUB + "?access_token=token-1",
					LISTSUB + "?access_token=token-2", LISTSUB + "?language=en_US&access_token=token-2");
		assertThat(first.getURI()).isSameAs(LISTSUB);
	}

	@Test
	void theSameTemplateAndTokenReuseTheUri() throws IOException {
		this.interceptor.intercept(request(LISTSUB, "token-1"), new byte[0], this.execution);
		this.interceptor.intercept(request(LISTSUB, "token-1"), new byte[0], this.execution);
		assertThat(this.sent.get(1)).isSameAs(this.sent.get(0));
	}

	@Test
	void aRequestWithoutSecretsPassesAsItIs() throws IOException {
		MockClientHttpRequest request = new MockClientHttpRequest(HttpMethod.POST, LISTSUB);
		this.interceptor.intercept(request, new byte[0], this.execution);
		assertThat(this.sent).containsExactly(LISTSUB);
	}

	private static MockClientHttpRequest request(URI uri, String token) {
		MockClientHttpRequest request = new MockClientHttpRequest(HttpMethod.POST, uri);
		request.getAttributes().put(AccessTokenInterceptor.ATTRIBUTE, SecretParameters.query(Map.of("access_token", token)));
		return request;
	}

}
