package io.dingboot.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.dingtalk.api.DefaultDingTalkClient;
import com.dingtalk.api.request.OapiV2DepartmentListsubRequest;
import com.dingtalk.api.response.OapiV2DepartmentListsubResponse;
import io.dingboot.department.Department;
import io.dingboot.department.DepartmentApi;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsHttpClientBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The clients the peer benchmark compares, each making one {@code listsub(dept_id=1)} call with a
 * warm token against the stub at a base URL.
 */
final class PeerClients {

	static final String FLOOR = "jdk-httpclient (floor)";

	static final String SDK = "official-sdk 2.0.0";

	static final String JDK_AS_DINGBOOT = "jdk-httpclient, DingBoot's settings";

	static final String HTTP_CLIENT_5 = "httpclient5 (bare)";

	static final String HTTP_CLIENT_5_AS_BOOT = "httpclient5, Boot's settings";

	static final String DINGBOOT = "dingboot";

	static final String DINGBOOT_HTTP_CLIENT_5 = "dingboot over httpclient5";

	static final String HTTP_CLIENT_5_MAPPED = "httpclient5, Boot's settings, answer mapped by Jackson";

	static final String JDK_MAPPED = "jdk-httpclient, DingBoot's settings, answer mapped by Jackson";

	static final String PREVIOUS = "dingboot, previous release";

	static final String PREVIOUS_HTTP_CLIENT_5 = "dingboot over httpclient5, previous release";

	/**
	 * The cases that run the previous release of DingBoot: their JVM gets that release's
	 * auto-configuration jar ({@code -Dpeer.previous.jar}) ahead of the benchmark's class path, so its
	 * classes are the ones loaded. The call is the same {@code DepartmentApi.listSub(1)}.
	 */
	static final Set<String> PREVIOUS_CASES = Set.of(PREVIOUS, PREVIOUS_HTTP_CLIENT_5);

	static final String PATH = "/topapi/v2/department/listsub";

	/**
	 * The request body of every bare call: {@code {"dept_id":1}}.
	 */
	static final byte[] REQUEST_BODY = "{\"dept_id\":1}".getBytes(StandardCharsets.UTF_8);

	private static final String AUTO_CONFIGURATIONS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

	/**
	 * The cases in the order they run, each a client made from the stub's base URL. The second is
	 * the bare JDK call again, with the client set up as DingBoot sets it up; the third the bare call
	 * over Apache HttpClient 5 with the connection pool's defaults, the fourth the same call over the
	 * client Boot builds for DingBoot (system properties honoured); the fifth and sixth the second and
	 * fourth with the answer mapped to typed departments by Jackson. The first DingBoot case is what
	 * an application gets from the starter alone (Boot's detection finds only the JDK client); the
	 * other is what it gets with Apache HttpClient 5 on the classpath. The previous release runs the
	 * same two ways.
	 */
	static final Map<String, Function<String, Call>> CASES = new LinkedHashMap<>();

	static {
		CASES.put(FLOOR, PeerClients::jdk);
		CASES.put(JDK_AS_DINGBOOT, PeerClients::jdkAsDingBoot);
		CASES.put(HTTP_CLIENT_5, PeerClients::httpClient5);
		CASES.put(HTTP_CLIENT_5_AS_BOOT, PeerClients::httpClient5AsBoot);
		CASES.put(JDK_MAPPED, (base) -> mapped(jdkAsDingBoot(base)));
		CASES.put(HTTP_CLIENT_5_MAPPED, (base) -> mapped(httpClient5AsBoot(base)));
		CASES.put(DINGBOOT, (base) -> dingBoot(base, "jdk"));
		CASES.put(DINGBOOT_HTTP_CLIENT_5, (base) -> dingBoot(base, "http-components"));
		CASES.put(PREVIOUS, (base) -> previousDingBoot(base, "jdk"));
		CASES.put(PREVIOUS_HTTP_CLIENT_5, (base) -> previousDingBoot(base, "http-components"));
		CASES.put(SDK, PeerClients::officialSdk);
	}

	private PeerClients() {
	}

	/**
	 * The bare call with the JDK's default settings, without JSON mapping: the floor.
	 */
	private static Call jdk(String base) {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(uri(base))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"dept_id\":1}"))
			.build();
		return () -> answered(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
	}

	/**
	 * The bare call with the JDK client set up as DingBoot sets it up on plain http: the client's
	 * selector thread completes each exchange (no pool thread), HTTP/1.1, a request timeout, the body
	 * sent and read as byte arrays.
	 */
	private static Call jdkAsDingBoot(String base) {
		HttpClient client = HttpClient.newBuilder()
			.executor(Runnable::run)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		URI uri = uri(base);
		return () -> {
			HttpRequest request = HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(REQUEST_BODY))
				.build();
			return answered(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
		};
	}

	/**
	 * The bare call over Apache HttpClient 5 (classic, blocking on the caller's thread), with the
	 * pooling connection manager's defaults and nothing else: the cheapest call over it.
	 */
	private static Call httpClient5(String base) {
		CloseableHttpClient client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().build())
			.build();
		return httpClient5Call(client, base);
	}

	private static Call httpClient5Call(CloseableHttpClient client, String base) {
		URI uri = uri(base);
		return () -> {
			ClassicHttpRequest request = ClassicRequestBuilder.post(uri)
				.setEntity(new ByteArrayEntity(REQUEST_BODY, ContentType.APPLICATION_JSON))
				.build();
			return client.execute(request, (response) -> {
				byte[] answer = EntityUtils.toByteArray(response.getEntity());
				if (response.getCode() != 200 || answer.length == 0) {
					throw new IllegalStateException("HTTP " + response.getCode());
				}
				return answer;
			});
		};
	}

	/**
	 * The bare call over the Apache HttpClient 5 that Boot builds for DingBoot: Boot's
	 * {@link HttpComponentsHttpClientBuilder} (system properties honoured: proxy selector, User-Agent,
	 * pool sizes) with DingBoot's default timeouts, as DingBoot's request factory gets it.
	 */
	private static Call httpClient5AsBoot(String base) {
		CloseableHttpClient client = new HttpComponentsHttpClientBuilder()
			.build(HttpClientSettings.defaults().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10)));
		return httpClient5Call(client, base);
	}

	/**
	 * A bare call with the answer mapped to typed departments by a plain Jackson mapper: what any
	 * client that maps JSON does after the call, and so the cheapest call a user would write by hand.
	 */
	private static Call mapped(Call bare) {
		JsonMapper mapper = mapper();
		return () -> {
			Object answered = bare.call();
			byte[] body = (answered instanceof HttpResponse<?> response) ? (byte[]) response.body() : (byte[]) answered;
			ListSubAnswer answer = mapper.readValue(body, ListSubAnswer.class);
			if (answer.errcode() != 0 || answer.result().size() != 10) {
				throw new IllegalStateException("expected 10 departments");
			}
			return answer;
		};
	}

	/**
	 * The plain Jackson mapper a hand-written client would map the answer with.
	 */
	static JsonMapper mapper() {
		return JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
	}

	record ListSubAnswer(int errcode, String errmsg, List<ListedDepartment> result) {
	}

	record ListedDepartment(long deptId, String name, long parentId) {
	}

	/**
	 * The URI of a bare call, the token in its query.
	 * @param base the stub's base URL
	 * @return the URI
	 */
	static URI uri(String base) {
		return URI.create(base + PATH + "?access_token=bench-token");
	}

	/**
	 * The case of that name, from the peer cases or the {@link PeerLayers layers}.
	 * @param name the case's name
	 * @return the case, a client made from the stub's base URL
	 * @throws IllegalArgumentException when there is no case of that name, listing them all
	 */
	static Function<String, Call> named(String name) {
		Function<String, Call> found = CASES.getOrDefault(name, PeerLayers.LAYERS.get(name));
		if (found == null) {
			throw new IllegalArgumentException("No case named '" + name + "'; the cases, separated by ';' as "
					+ "PEER_CASES takes them: " + String.join(";", CASES.keySet()) + "; the layers: "
					+ String.join(";", PeerLayers.LAYERS.keySet()));
		}
		return found;
	}

	private static HttpResponse<byte[]> answered(HttpResponse<byte[]> response) {
		if (response.statusCode() != 200 || response.body().length == 0) {
			throw new IllegalStateException("HTTP " + response.statusCode());
		}
		return response;
	}

	/**
	 * DingBoot as an application gets it, with Boot told which HTTP library to use underneath.
	 */
	private static Call dingBoot(String base, String httpLibrary) {
		return dingBoot(base, httpLibrary, "");
	}

	/**
	 * The previous release, whose jar is first on the class path: Boot reads the auto-configuration
	 * lists of every jar, so DingBoot's auto-configurations that the previous release does not list
	 * (they are this release's, on the benchmark's class path behind it) are left out.
	 */
	private static Call previousDingBoot(String base, String httpLibrary) {
		List<URL> lists;
		try {
			lists = Collections.list(PeerClients.class.getClassLoader().getResources(AUTO_CONFIGURATIONS));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Set<String> previous = new HashSet<>(read(lists.get(0)));
		Set<String> excluded = new TreeSet<>();
		for (URL list : lists.subList(1, lists.size())) {
			read(list).stream()
				.filter((name) -> name.startsWith("io.dingboot.") && !previous.contains(name))
				.forEach(excluded::add);
		}
		return dingBoot(base, httpLibrary, String.join(",", excluded));
	}

	private static List<String> read(URL list) {
		try (InputStream in = list.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::trim)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Call dingBoot(String base, String httpLibrary, String excludedAutoConfigurations) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DingBootApp.class)
			.web(WebApplicationType.NONE)
			.properties("dingtalk.base-url=" + base, "dingtalk.app-key=dingbench", "dingtalk.app-secret=bench-secret",
					"spring.http.clients.imperative.factory=" + httpLibrary, "spring.main.banner-mode=off",
					"logging.level.root=warn", "spring.autoconfigure.exclude=" + excludedAutoConfigurations)
			.run();
		DepartmentApi departments = context.getBean(DepartmentApi.class);
		return () -> {
			List<Department> result = departments.listSub(1);
			if (result.size() != 10) {
				throw new IllegalStateException("expected 10 departments");
			}
			return result;
		};
	}

	private static Call officialSdk(String base) {
		DefaultDingTalkClient client = new DefaultDingTalkClient(base + PATH);
		return () -> {
			OapiV2DepartmentListsubRequest request = new OapiV2DepartmentListsubRequest();
			request.setDeptId(1L);
			OapiV2DepartmentListsubResponse response = client.execute(request, "bench-token");
			if (!response.isSuccess() || response.getResult().size() != 10) {
				throw new IllegalStateException(response.getErrmsg());
			}
			return response;
		};
	}

	/**
	 * DingBoot as an application gets it: Boot's auto-configuration, HTTP client and Jackson
	 * included, with DingBoot's on top.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class DingBootApp {

	}

	/**
	 * One call through a client; throws when the answer is not the expected one.
	 */
	@FunctionalInterface
	interface Call {

		Object call() throws Exception;

	}

}
