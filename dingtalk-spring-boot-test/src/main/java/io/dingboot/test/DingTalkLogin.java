package io.dingboot.test;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Logs in to a running application with DingTalk free login over real HTTP, as the page does: gets
 * an auth code for a user from a {@link FakeDingTalk}, fetches the CSRF token the application
 * hands out in its {@code XSRF-TOKEN} cookie ({@code csrf.spa()}, or any
 * {@code CookieCsrfTokenRepository}), and posts <code>{"code":...}</code> as JSON to the login
 * endpoint with the token in {@code X-XSRF-TOKEN}. The application's own provider, user mapper,
 * session fixation protection and CSRF rotation run, so the {@link DingTalkSession} holds exactly
 * the cookies a browser would.
 * <pre class="code">
 * DingTalkSession session = DingTalkLogin.to("http://127.0.0.1:" + port).login(fake, "zhangsan");
 * </pre>
 * With {@link AutoConfigureFakeDingTalk}, {@link FakeDingTalk#login(String)} does this with the
 * application's port, context path and {@code dingtalk.login.processing-url}. For an app other
 * than {@value FakeDingTalk#DEFAULT_APP}, {@link #app(String)} takes the code from that app and
 * posts it to {@code <processing URL>/<app>}:
 * <pre class="code">
 * DingTalkSession session = DingTalkLogin.to("http://127.0.0.1:" + port).app("hr").login(fake, "zhangsan");
 * </pre>
 */
public final class DingTalkLogin {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final String baseUrl;

	private String processingUrl = SpringApplicationUnderTest.DEFAULT_LOGIN_PROCESSING_URL;

	private String csrfPath;

	private String appName = FakeDingTalk.DEFAULT_APP;

	private String csrfCookieName = "XSRF-TOKEN";

	private String csrfHeaderName = "X-XSRF-TOKEN";

	private DingTalkLogin(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Log in to the application at {@code baseUrl}.
	 * @param baseUrl the application's base URL, with its context path, e.g.
	 * {@code http://127.0.0.1:8080}
	 * @return a login to configure or run
	 */
	public static DingTalkLogin to(String baseUrl) {
		Objects.requireNonNull(baseUrl, "baseUrl");
		URI.create(baseUrl);
		return new DingTalkLogin(baseUrl);
	}

	/**
	 * Set the login endpoint's path ({@code dingtalk.login.processing-url}); {@code /login/dingtalk}
	 * by default.
	 * @param processingUrl the path
	 * @return this login
	 */
	public DingTalkLogin processingUrl(String processingUrl) {
		this.processingUrl = requirePath(processingUrl);
		return this;
	}

	/**
	 * Set the app to log in with: its code comes from the fake app of that name and is posted to
	 * the processing URL followed by {@code /<appName>}; {@value FakeDingTalk#DEFAULT_APP} (the
	 * processing URL itself) by default.
	 * @param appName the app's name
	 * @return this login
	 */
	public DingTalkLogin app(String appName) {
		this.appName = Objects.requireNonNull(appName, "appName");
		return this;
	}

	/**
	 * Set the path fetched first for the CSRF cookie; the processing URL by default (its
	 * {@code GET} is refused, and the refusal carries the cookie).
	 * @param csrfPath the path
	 * @return this login
	 */
	public DingTalkLogin csrfPath(String csrfPath) {
		this.csrfPath = requirePath(csrfPath);
		return this;
	}

	/**
	 * Set the names of the CSRF cookie and header; {@code XSRF-TOKEN} and {@code X-XSRF-TOKEN} by
	 * default, as {@code CookieCsrfTokenRepository} uses them.
	 * @param cookieName the cookie's name
	 * @param headerName the header's name
	 * @return this login
	 */
	public DingTalkLogin csrf(String cookieName, String headerName) {
		this.csrfCookieName = Objects.requireNonNull(cookieName, "cookieName");
		this.csrfHeaderName = Objects.requireNonNull(headerName, "headerName");
		return this;
	}

	/**
	 * Log in as {@code userid}.
	 * @param fake the fake the application calls
	 * @param userid the user, one of the fake organisation's
	 * @return the logged-in session
	 * @throws IllegalStateException when the login does not answer 200
	 */
	public DingTalkSession login(FakeDingTalk fake, String userid) {
		DingTalkSession session = attempt(fake, userid);
		if (session.status() != 200) {
			throw new IllegalStateException("Logging in as " + userid + " at " + this.baseUrl + loginPath()
					+ " answered " + session.status() + ": " + session.body());
		}
		return session;
	}

	/**
	 * Try to log in as {@code userid} and return whatever the application answered, e.g. to assert
	 * that a user mapper refuses someone ({@code 401}).
	 * @param fake the fake the application calls
	 * @param userid the user, one of the fake organisation's
	 * @return the session, with the login's status and body
	 */
	public DingTalkSession attempt(FakeDingTalk fake, String userid) {
		Objects.requireNonNull(fake, "fake");
		String code = fake.issueAuthCode(this.appName, userid);
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.connectTimeout(TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		send(client, request((this.csrfPath != null) ? this.csrfPath : loginPath()).GET().build());
		String csrfToken = cookie(cookies, this.csrfCookieName);
		HttpRequest.Builder login = request(loginPath()).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(FakeCall.json.writeValueAsString(Map.of("code", code)),
					StandardCharsets.UTF_8));
		if (csrfToken != null) {
			login.header(this.csrfHeaderName, csrfToken);
		}
		HttpResponse<String> answer = send(client, login.build());
		Map<String, String> kept = new LinkedHashMap<>();
		for (HttpCookie cookie : cookies.getCookieStore().get(URI.create(this.baseUrl + "/"))) {
			kept.put(cookie.getName(), cookie.getValue());
		}
		return new DingTalkSession(userid, answer.statusCode(), answer.body(), kept, this.csrfCookieName,
				this.csrfHeaderName);
	}

	private String loginPath() {
		if (FakeDingTalk.DEFAULT_APP.equals(this.appName)) {
			return this.processingUrl;
		}
		String base = this.processingUrl.endsWith("/")
				? this.processingUrl.substring(0, this.processingUrl.length() - 1) : this.processingUrl;
		return base + "/" + this.appName;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(TIMEOUT)
			.header("Accept", "application/json")
			.header("X-Requested-With", "XMLHttpRequest");
	}

	private HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot reach " + request.uri() + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling " + request.uri(), ex);
		}
	}

	private static String cookie(CookieManager cookies, String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String requirePath(String path) {
		if (path == null || !path.startsWith("/")) {
			throw new IllegalArgumentException("path must start with '/': " + path);
		}
		return path;
	}

	@Override
	public String toString() {
		return "DingTalkLogin{" + this.baseUrl + loginPath() + "}";
	}

}
