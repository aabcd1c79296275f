package io.dingboot.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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

	private final int port;

	SampleHttp(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.port = port;
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

	/**
	 * Send a request exactly as written, over a plain socket, with this client's cookies and CSRF
	 * token: the way to put a malformed query such as {@code %zz} on the wire, which
	 * {@link URI} refuses to build.
	 * @param method the HTTP method
	 * @param target the request target, sent unencoded
	 * @return the answer
	 */
	Response raw(String method, String target) {
		String cookieHeader = this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
		StringBuilder request = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
			.append("Host: 127.0.0.1:").append(this.port).append("\r\n")
			.append("Accept: application/json\r\n")
			.append("X-Requested-With: XMLHttpRequest\r\n")
			.append("Connection: close\r\n");
		if (!cookieHeader.isEmpty()) {
			request.append("Cookie: ").append(cookieHeader).append("\r\n");
		}
		if (!method.equals("GET")) {
			request.append("X-XSRF-TOKEN: ").append(csrfToken()).append("\r\n").append("Content-Length: 0\r\n");
		}
		request.append("\r\n");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Response parse(byte[] answer) throws IOException {
		String text = new String(answer, StandardCharsets.ISO_8859_1);
		int headEnd = text.indexOf("\r\n\r\n");
		String[] head = text.substring(0, headEnd).split("\r\n");
		int status = Integer.parseInt(head[0].split(" ")[1]);
		String contentType = "";
		boolean chunked = false;
		for (int i = 1; i < head.length; i++) {
			String name = head[i].substring(0, head[i].indexOf(':')).trim().toLowerCase(Locale.ROOT);
			String value = head[i].substring(head[i].indexOf(':') + 1).trim();
			if (name.equals("content-type")) {
				contentType = value;
			}
			else if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
				chunked = true;
			}
		}
		byte[] body = Arrays.copyOfRange(answer, headEnd + 4, answer.length);
		if (chunked) {
			body = unchunk(new ByteArrayInputStream(body));
		}
		return new Response(status, new String(body, StandardCharsets.UTF_8), contentType);
	}

	private static byte[] unchunk(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			StringBuilder sizeLine = new StringBuilder();
			int c;
			while ((c = in.read()) != '\n') {
				if (c < 0) {
					return body.toByteArray();
				}
				if (c != '\r') {
					sizeLine.append((char) c);
				}
			}
			int size = Integer.parseInt(sizeLine.toString().split(";")[0].trim(), 16);
			if (size == 0) {
				return body.toByteArray();
			}
			body.write(in.readNBytes(size));
			in.readNBytes(2);
		}
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
