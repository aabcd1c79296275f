package io.dingboot.autoconfigure;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class LazyRequestFactoryTests {

	@Test
	void realFactoryIsBuiltOnTheFirstRequestAndOnlyOnce() throws Exception {
		AtomicInteger built = new AtomicInteger();
		LazyRequestFactory factory = new LazyRequestFactory(() -> {
			built.incrementAndGet();
			return (uri, method) -> new MockClientHttpRequest(method, uri);
		});
		assertThat(built).hasValue(0);
		ClientHttpRequest first = factory.createRequest(URI.create("http://127.0.0.1/gettoken"), HttpMethod.GET);
		ClientHttpRequest second = factory.createRequest(URI.create("http://127.0.0.1/topapi/x"), HttpMethod.POST);
		assertThat(built).hasValue(1);
		assertThat(first.getURI()).hasToString("http://127.0.0.1/gettoken");
		assertThat(second.getMethod()).isEqualTo(HttpMethod.POST);
	}

}
