package io.dingboot.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import io.dingboot.department.Department;
import io.dingboot.department.DepartmentApi;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Drives one operation — {@code listsub(dept_id=1)} with a warm token — through DingBoot, through
 * the official legacy SDK (the caller keeps the token), and through a bare JDK {@code HttpClient}
 * call without JSON mapping (the floor), against the {@link StubServer} running in another
 * process. Every case runs in a JVM of its own, so no case pays for another's class loading or
 * compilation. A case warms up for the given time and then until the JIT has gone quiet (less than
 * 1% of a 2-second window spent compiling, for at most another minute), and then reports
 * its throughput and its process's CPU time per call (JIT and GC threads included), and how much of
 * that ran on the calling threads, at 1 and 16 threads. The cases run interleaved, in rounds, and the
 * median of the rounds is reported: on a shared machine the speed of a core drifts from minute to
 * minute.
 * <p>
 * A caller may also do some work of its own between calls ("think time"), as an application does:
 * a fixed computation whose CPU time is calibrated in each JVM and taken out of the figures again, so
 * they still show the clients' own cost. An HTTP client that hands each exchange to a thread of its
 * own costs more per call once that thread falls asleep between calls, which a tight loop hides.
 * <p>
 * Usage: {@code PeerBenchmark <stub-port> [warmup-seconds] [measure-seconds] [rounds] [think-µs]
 * [thread counts, comma-separated]}; run it pinned to one core ({@code taskset}), the cases inherit
 * the pinning. {@code -Dpeer.trace=true} on a case prints the JIT's share of every warm-up window.
 */
public final class PeerBenchmark {

	private static final String PATH = "/topapi/v2/department/listsub";

	private static final String FLOOR = "jdk-httpclient (floor)";

	private static final String DINGBOOT = "dingboot";

	private static final String SDK = "official-sdk 2.0.0";

	private static final String JDK_AS_DINGBOOT = "jdk-httpclient, DingBoot's settings";

	/**
	 * The cases, each with the HTTP client Boot is told to use underneath DingBoot. The first
	 * DingBoot case is what an application gets from the starter alone (Boot's detection finds only
	 * the JDK client); the other is what it gets with Apache HttpClient 5 on the classpath. The
	 * second case is the bare JDK call again, with the client set up as DingBoot sets it up.
	 */
	private static final Map<String, String> CASES = new LinkedHashMap<>();

	static {
		CASES.put(FLOOR, null);
		CASES.put(JDK_AS_DINGBOOT, null);
		CASES.put(DINGBOOT, "jdk");
		CASES.put("dingboot over httpclient5", "http-components");
		CASES.put(SDK, null);
	}

	private PeerBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--case")) {
			runCase(args[1], Integer.parseInt(args[2]), "http://127.0.0.1:" + args[3], Long.parseLong(args[4]),
					Long.parseLong(args[5]), Long.parseLong(args[6]));
			return;
		}
		String port = (args.length > 0) ? args[0] : "18089";
		String warmup = (args.length > 1) ? args[1] : "5";
		String measure = (args.length > 2) ? args[2] : "10";
		int rounds = (args.length > 3) ? Integer.parseInt(args[3]) : 3;
		String think = (args.length > 4) ? args[4] : "0";
		int[] threadCounts = Arrays.stream(((args.length > 5) ? args[5] : "1,16").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		System.out.println("think time between calls: " + think + " µs of the caller's own work");		Map<String, List<double[]>> runs = new LinkedHashMap<>();
		for (int round = 1; round <= rounds; round++) {
			System.out.println("round " + round + " of " + rounds);
			for (int threads : threadCounts) {
				for (String name : CASES.keySet()) {
					runs.computeIfAbsent(name + "@" + threads, (key) -> new ArrayList<>())
						.add(fork(name, threads, port, warmup, measure, think));
				}
			}
		}
		Map<String, double[]> results = new LinkedHashMap<>();
		runs.forEach((key, list) -> results.put(key, median(list)));
		System.out.println();
		System.out.println("Median of " + rounds + " rounds (cases interleaved, every case in a JVM of its own):");
		System.out.println();
		System.out.println("| client | threads | calls/s | client CPU µs/call | on the calling threads | of which JIT "
				+ "| CPU µs/call, each round |");
		System.out.println("|---|---|---|---|---|---|---|");
		results.forEach((key, result) -> {
			String[] nameAndThreads = key.split("@");
			List<String> each = runs.get(key).stream().map((run) -> format(run[1])).toList();
			System.out.println("| " + nameAndThreads[0] + " | " + nameAndThreads[1] + " | " + format(result[0]) + " | "
					+ format(result[1]) + " | " + format(result[4]) + " | " + format(result[2]) + " | "
					+ String.join(", ", each) + " |");
		});
		System.out.println();
		for (int threads : threadCounts) {
			double[] floor = results.get(FLOOR + "@" + threads);
			double[] sdk = results.get(SDK + "@" + threads);
			for (String name : CASES.keySet()) {
				if (!name.equals(FLOOR) && !name.equals(SDK)) {
					double[] ding = results.get(name + "@" + threads);
					System.out.printf(Locale.ROOT,
							"threads=%d, %s: CPU/call = %.2fx floor, %.2fx SDK; throughput = %.2fx SDK%n", threads,
							name, ding[1] / floor[1], ding[1] / sdk[1], ding[0] / sdk[0]);
				}
			}
		}
	}

	/**
	 * Field-wise median of the runs of one case.
	 */
	private static double[] median(List<double[]> runs) {
		double[] median = new double[runs.get(0).length];
		for (int field = 0; field < median.length; field++) {
			int index = field;
			double[] values = runs.stream().mapToDouble((run) -> run[index]).sorted().toArray();
			median[field] = (values.length % 2 == 1) ? values[values.length / 2]
					: (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
		}
		return median;
	}

	/**
	 * Runs one case in a new JVM with this one's class path and memory limit; the case prints one
	 * {@code RESULT} line, everything else it prints is passed on.
	 */
	private static double[] fork(String name, int threads, String port, String warmup, String measure, String think)
			throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				PeerBenchmark.class.getName(), "--case", name, String.valueOf(threads), port, warmup, measure, think);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		double[] result = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("RESULT ")) {
					String[] fields = line.substring(7).split(" ");
					result = new double[fields.length];
					for (int i = 0; i < fields.length; i++) {
						result[i] = Double.parseDouble(fields[i]);
					}
				}
				else if (!line.isBlank()) {
					System.out.println("  [" + name + " @" + threads + "] " + line);
				}
			}
		}
		int exit = process.waitFor();
		if (exit != 0 || result == null) {
			throw new IllegalStateException("case '" + name + "' at " + threads + " threads failed (exit " + exit + ")");
		}
		System.out.printf(Locale.ROOT,
				"%s @%d: %.1f calls/s, %.1f µs CPU/call (%.1f on the calling threads, %.1f JIT), warmed up %.0f s%n", name,
				threads, result[0], result[1], result[4], result[2], result[3]);
		return result;
	}

	private static void runCase(String name, int threads, String base, long warmupSeconds, long measureSeconds,
			long thinkMicros) throws Exception {
		Call call = client(name, base);
		Think think = Think.calibrate(thinkMicros);
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		AtomicBoolean running = new AtomicBoolean(true);
		LongAdder calls = new LongAdder();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			workers.add(new Thread(() -> {
				while (running.get()) {
					try {
						call.call();
						calls.increment();
						think.run();
					}
					catch (Exception ex) {
						running.set(false);
						throw new IllegalStateException(ex);
					}
				}
			}, CpuTicks.CALLER_PREFIX + i));
		}
		long warmStart = System.nanoTime();
		workers.forEach(Thread::start);
		Thread.sleep(warmupSeconds * 1000);
		long extraDeadline = System.nanoTime() + Duration.ofSeconds(Math.max(60, 3 * warmupSeconds)).toNanos();
		long window = 2000;
		while (System.nanoTime() < extraDeadline) {
			long[] ticks = CpuTicks.read();
			Thread.sleep(window);
			long[] now = CpuTicks.read();
			if (Boolean.getBoolean("peer.trace")) {
				System.out.println("JIT ticks in window: " + (now[1] - ticks[1]) + " of " + (now[0] - ticks[0]));
			}
			if (now[1] - ticks[1] < CpuTicks.PER_SECOND * window / 1000 / 100) {
				break;
			}
		}
		double warmedFor = (System.nanoTime() - warmStart) / 1e9;
		long[] ticksStart = CpuTicks.read();
		long callsStart = calls.sum();
		long cpuStart = os.getProcessCpuTime();
		long start = System.nanoTime();
		Thread.sleep(measureSeconds * 1000);
		long cpu = os.getProcessCpuTime() - cpuStart;
		long elapsed = System.nanoTime() - start;
		long count = calls.sum() - callsStart;
		long[] ticks = CpuTicks.read();
		double jitShare = (ticks[0] > ticksStart[0])
				? (double) (ticks[1] - ticksStart[1]) / (ticks[0] - ticksStart[0]) : 0;
		double callerShare = (ticks[0] > ticksStart[0])
				? (double) (ticks[2] - ticksStart[2]) / (ticks[0] - ticksStart[0]) : 0;
		// the callers' own work between calls is not the client's cost
		double thinkCpu = (double) think.cpuNanos() * count;
		running.set(false);
		for (Thread worker : workers) {
			worker.join();
		}
		if (count == 0) {
			throw new IllegalStateException("no call completed");
		}
		System.out.printf(Locale.ROOT, "GC: %s%n", gcSummary());
		System.out.printf(Locale.ROOT, "RESULT %.3f %.3f %.3f %.1f %.3f%n", count / (elapsed / 1e9),
				(cpu - thinkCpu) / 1e3 / count, jitShare * cpu / 1e3 / count, warmedFor,
				(callerShare * cpu - thinkCpu) / 1e3 / count);
		System.exit(0);
	}

	private static String gcSummary() {
		StringBuilder summary = new StringBuilder();
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			summary.append(gc.getName()).append('=').append(gc.getCollectionCount()).append(' ');
		}
		return summary.toString().trim();
	}

	private static Call client(String name, String base) {
		if (name.equals(FLOOR)) {
			return jdk(base);
		}
		if (name.equals(SDK)) {
			return officialSdk(base);
		}
		if (name.equals(JDK_AS_DINGBOOT)) {
			return jdkAsDingBoot(base);
		}
		return dingBoot(base, CASES.get(name));
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
			return answered(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
		};
	}

	private static HttpResponse<byte[]> answered(HttpResponse<byte[]> response) {
		if (response.statusCode() != 200 || response.body().length == 0) {
			throw new IllegalStateException("HTTP " + response.statusCode());
		}
		return response;
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
		URI uri = URI.create(base + PATH + "?access_token=bench-token");
		byte[] body = "{\"dept_id\":1}".getBytes(StandardCharsets.UTF_8);
		return () -> {
			HttpRequest request = HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			return answered(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
		};
	}

	private static Call dingBoot(String base, String factory) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DingBootApp.class)
			.web(WebApplicationType.NONE)
			.properties("dingtalk.base-url=" + base, "dingtalk.app-key=dingbench", "dingtalk.app-secret=bench-secret",
					"spring.http.clients.imperative.factory=" + factory, "spring.main.banner-mode=off",
					"logging.level.root=warn")
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

	@FunctionalInterface
	interface Call {

		Object call() throws Exception;

	}

}
