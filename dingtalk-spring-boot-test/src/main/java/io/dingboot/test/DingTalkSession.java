package io.dingboot.test;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * A session logged in over real HTTP by {@link DingTalkLogin} or {@link FakeDingTalk#login(String)}:
 * the application's cookies (the session cookie, {@code JSESSIONID} by default, and the rotated
 * CSRF cookie) and the CSRF token to send back on unsafe requests. Hand it to a client:
 * <pre class="code">
 * restClient.get().uri("/api/me").headers(session::applyTo).retrieve();       // RestClient, RestTestClient
 * RestClient.builder().baseUrl(url).requestInterceptor(session.interceptor());  // every request
 * HttpRequest.newBuilder(uri).header("Cookie", session.cookieHeader());        // JDK HttpClient
 * </pre>
 *
 * @param userid the user who logged in
 * @param status the login endpoint's HTTP status, {@code 200} on success
 * @param body the login endpoint's answer, a JSON view of the user on success
 * @param cookies the application's cookies after the login, by name
 * @param csrfCookieName the name of the CSRF cookie
 * @param csrfHeaderName the name of the CSRF header
 */
public record DingTalkSession(String userid, int status, String body, Map<String, String> cookies,
		String csrfCookieName, String csrfHeaderName) {

	public DingTalkSession {
		cookies = Map.copyOf(cookies);
	}

	/**
	 * Whether the login succeeded.
	 * @return whether the status is 200
	 */
	public boolean isLoggedIn() {
		return this.status == 200;
	}

	/**
	 * A cookie's value.
	 * @param name the cookie's name, e.g. {@code JSESSIONID}
	 * @return the value, or {@code null}
	 */
	public @Nullable String cookie(String name) {
		return this.cookies.get(name);
	}

	/**
	 * The CSRF token to send in {@link #csrfHeaderName()} on unsafe requests.
	 * @return the token, or {@code null} when the application sets no CSRF cookie
	 */
	public @Nullable String csrfToken() {
		return this.cookies.get(this.csrfCookieName);
	}

	/**
	 * The value of a {@code Cookie} header that carries every cookie, e.g.
	 * {@code JSESSIONID=...; XSRF-TOKEN=...}.
	 * @return the header's value
	 */
	public String cookieHeader() {
		return this.cookies.entrySet()
			.stream()
			.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	/**
	 * Add the {@code Cookie} header and, when there is one, the CSRF header to Spring's headers:
	 * {@code .headers(session::applyTo)} on a {@code RestClient} or {@code RestTestClient} request,
	 * or on the headers of a {@code TestRestTemplate} {@code HttpEntity}.
	 * @param headers the headers to add to
	 */
	public void applyTo(HttpHeaders headers) {
		headers.add(HttpHeaders.COOKIE, cookieHeader());
		if (csrfToken() != null) {
			headers.set(this.csrfHeaderName, csrfToken());
		}
	}

	/**
	 * Add the {@code Cookie} header and the CSRF header to a JDK {@link HttpRequest}.
	 * @param request the request being built
	 * @return the same builder
	 */
	public HttpRequest.Builder applyTo(HttpRequest.Builder request) {
		request.header("Cookie", cookieHeader());
		if (csrfToken() != null) {
			request.header(this.csrfHeaderName, csrfToken());
		}
		return request;
	}

	/**
	 * An interceptor that applies this session to every request of a {@code RestClient}
	 * ({@code requestInterceptor}) or {@code RestTemplate} ({@code getInterceptors().add}).
	 * @return the interceptor
	 */
	public ClientHttpRequestInterceptor interceptor() {
		return (request, body, execution) -> {
			applyTo(request.getHeaders());
			return execution.execute(request, body);
		};
	}

	@Override
	public String toString() {
		return "DingTalkSession{userid=" + this.userid + ", status=" + this.status + ", cookies="
				+ this.cookies.keySet() + "}";
	}

}
