package io.dingboot.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import com.dingtalk.api.DefaultDingTalkClient;
import com.dingtalk.api.request.OapiV2DepartmentListsubRequest;
import com.dingtalk.api.response.OapiV2DepartmentListsubResponse;
import com.sun.management.OperatingSystemMXBean;
import io.dingboot.autoconfigure.DingTalkApiAutoConfiguration;
import io.dingboot.autoconfigure.DingTalkAutoConfiguration;
import io.dingboot.department.DepartmentApi;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Drives one operation — {@code listsub(dept_id=1)} with a warm token — through DingBoot, through
 * the official legacy SDK (the caller keeps the token), and through a bare JDK {@code HttpClient}
 * call without JSON mapping (the floor), against the {@link StubServer} running in another
 * process. Reports throughput and this process's CPU time per call, at 1 and 16 threads.
 * Usage: {@code PeerBenchmark <stub-port> [warmup-seconds] [measure-seconds]}.
 */
public final class PeerBenchmark {

	private static final String PATH = "/topapi/v2/department/listsub";

	private PeerBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String base = "http://127.0.0.1:" + ((args.length > 0) ? args[0] : "18089");
		Duration warmup = Duration.ofSeconds((args.length > 1) ? Long.parseLong(args[1]) : 5);
		Duration measure = Duration.ofSeconds((args.length > 2) ? Long.parseLong(args[2]) : 10);
		Map<String, Call> clients = new LinkedHashMap<>();
		clients.put("jdk-httpclient (floor)", jdk(base));
		clients.put("dingboot", dingBoot(base));
		clients.put("official-sdk 2.0.0", officialSdk(base));
		List<String[]> rows = new ArrayList<>();
		Map<String, double[]> results = new LinkedHashMap<>();
		for (int threads : new int[] { 1, 16 }) {
			for (Map.Entry<String, Call> client : clients.entrySet()) {
				run(client.getValue(), threads, warmup);
				double[] result = run(client.getValue(), threads, measure);
				results.put(client.getKey() + "@" + threads, result);
				rows.add(new String[] { client.getKey(), String.valueOf(threads), format(result[0]), format(result[1]) });
			}
		}
		System.out.println();
		System.out.println("| client | threads | calls/s | client CPU µs/call |");
		System.out.println("|---|---|---|---|");
		rows.forEach((row) -> System.out.println("| " + String.join(" | ", row) + " |"));
		System.out.println();
		for (int threads : new int[] { 1, 16 }) {
			double[] floor = results.get("jdk-httpclient (floor)@" + threads);
			double[] ding = results.get("dingboot@" + threads);
			double[] sdk = results.get("official-sdk 2.0.0@" + threads);
			System.out.printf(Locale.ROOT,
					"threads=%d: DingBoot CPU/call = %.2fx floor, %.2fx SDK; DingBoot throughput = %.2fx SDK%n", threads,
					ding[1] / floor[1], ding[1] / sdk[1], ding[0] / sdk[0]);
		}
	}

	private static double[] run(Call call, int threads, Duration duration) throws Exception {
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		AtomicBoolean running = new AtomicBoolean(true);
		LongAdder calls = new LongAdder();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Thread worker = new Thread(() -> {
				while (running.get()) {
					try {
						call.call();
						calls.increment();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}
			});
			workers.add(worker);
		}
		long cpuStart = os.getProcessCpuTime();
		long start = System.nanoTime();
		workers.forEach(Thread::start);
		Thread.sleep(duration.toMillis());
		running.set(false);
		for (Thread worker : workers) {
			worker.join();
		}
		long elapsed = System.nanoTime() - start;
		long cpu = os.getProcessCpuTime() - cpuStart;
		long count = Math.max(1, calls.sum());
		return new double[] { count / (elapsed / 1e9), cpu / 1e3 / count };
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static Call jdk(String base) {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + PATH + "?access_token=bench-token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"dept_id\":1}"))
			.build();
		return () -> {
			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200 || response.body().length == 0) {
				throw new IllegalStateException("HTTP " + response.statusCode());
			}
			return response;
		};
	}

	private static Call dingBoot(String base) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DingBootApp.class)
			.web(WebApplicationType.NONE)
			.properties("dingtalk.base-url=" + base, "dingtalk.app-key=dingbench", "dingtalk.app-secret=bench-secret",
					"spring.main.banner-mode=off")
			.run();
		DepartmentApi departments = context.getBean(DepartmentApi.class);
		return () -> {
			List<io.dingboot.department.Department> result = departments.listSub(1);
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
	 * DingBoot as an application gets it: the auto-configuration with Boot's HTTP client defaults.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DingTalkAutoConfiguration.class, DingTalkApiAutoConfiguration.class })
	static class DingBootApp {

	}

	@FunctionalInterface
	interface Call {

		Object call() throws Exception;

	}

}
