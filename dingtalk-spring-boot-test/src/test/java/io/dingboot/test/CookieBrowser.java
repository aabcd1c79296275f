package io.dingboot.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser for tests over HTTP: cookies kept, redirects not followed.
 */
final class CookieBrowser {

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	HttpResponse<String> get(String uri) throws IOException, InterruptedException {
		return get(uri, "text/html");
	}

	HttpResponse<String> get(String uri, String accept) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", accept).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String uri, String csrf) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody());
		if (csrf != null) {
			request.header("X-XSRF-TOKEN", csrf);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

}
