package io.dingboot.sample;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like HTTP client for the sample: keeps the session and the {@code XSRF-TOKEN} cookie
 * and sends the token back as {@code X-XSRF-TOKEN} on unsafe requests, as the page's script does.
 */
final class SampleHttp {

	static final JsonMapper json = JsonMapper.builder().build();

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	SampleHttp(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	Response get(String path) {
		return send(request(path).GET().build());
	}

	/**
	 * Get a page or static file as a browser navigation does ({@code Accept: text/html,...}).
	 * @param path the path
	 * @return the answer
	 */
	Response getPage(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "text/html,*/*;q=0.8")
			.GET()
			.build());
	}

	Response post(String path, String jsonBody) {
		return post(path, jsonBody, true);
	}

	Response post(String path, String jsonBody, boolean withCsrfToken) {
		HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString((jsonBody != null) ? jsonBody : "", StandardCharsets.UTF_8));
		if (withCsrfToken) {
			builder.header("X-XSRF-TOKEN", csrfToken());
		}
		return send(builder.build());
	}

	/**
	 * Log in as the page does in demo mode: a code from {@code /demo/auth-code}, posted to the
	 * login endpoint.
	 * @param userid the demo user
	 * @return the login endpoint's answer
	 */
	Response demoLogin(String userid) {
		ensureCsrfToken();
		String code = post("/demo/auth-code?userid=" + userid, null).json().path("code").asString();
		return login(code);
	}

	Response login(String code) {
		ensureCsrfToken();
		return post("/login/dingtalk", "{\"code\":\"" + code + "\"}");
	}

	void ensureCsrfToken() {
		if (csrfToken().isEmpty()) {
			get("/api/mode");
		}
	}

	String csrfToken() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse("");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "application/json")
			.header("X-Requested-With", "XMLHttpRequest");
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String body, String contentType) {

		JsonNode json() {
			return SampleHttp.json.readTree(this.body);
		}

	}

}
