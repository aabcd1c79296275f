package io.dingboot.benchmarks.stream;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dingtalk.open.app.api.OpenDingTalkClient;
import com.dingtalk.open.app.api.OpenDingTalkStreamClientBuilder;
import com.dingtalk.open.app.api.security.AuthClientCredential;
import com.dingtalk.open.app.stream.protocol.event.EventAckStatus;
import io.dingboot.benchmarks.stream.app.DingBootStreamApp;
import io.netty.handler.ssl.SslProvider;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The client side of the Stream peer benchmark ({@code benchmarks/stream-benchmark.sh}): starts one
 * Stream client in this process, DingBoot's or the official {@code app-stream-client}, with a
 * listener that records every event (or {@link JdkWebSocketFloor}, the bare JDK WebSocket, for the
 * first two phases only: it does not reconnect), then runs the phases of the {@link StreamGateway} process
 * and measures, for this process alone:
 * <ul>
 * <li>events a second reaching the listener while the gateway pushes as fast as acks come back,
 * and the process's CPU time per event over the same window (and at a fixed 1,000 events/s);</li>
 * <li>the push-to-ack latency the gateway saw at the fixed rate;</li>
 * <li>after each forced {@code disconnect} frame and each dropped connection, the time until the
 * first event pushed after the fault reaches the listener (both processes read the same
 * monotonic clock);</li>
 * <li>events never delivered and events delivered twice.</li>
 * </ul>
 * Writes its figures as {@code key=value} lines to the result file.
 * <p>
 * Usage: {@code StreamBenchmark <dingboot|official|jdk-floor|tomcat-floor|netty-floor|netty-boringssl-floor> <control-port> <api-base-url> <warmup-s>
 * <measure-s> <disconnects> <drops> <result-file>}
 */
public final class StreamBenchmark {

	private static final HttpClient CONTROL = HttpClient.newHttpClient();

	private final int controlPort;

	private final Map<String, String> results = new LinkedHashMap<>();

	private StreamBenchmark(int controlPort) {
		this.controlPort = controlPort;
	}

	public static void main(String[] args) throws Exception {
		String kind = args[0];
		int controlPort = Integer.parseInt(args[1]);
		String apiBaseUrl = args[2];
		int warmup = Integer.parseInt(args[3]);
		int measure = Integer.parseInt(args[4]);
		int disconnects = Integer.parseInt(args[5]);
		int drops = Integer.parseInt(args[6]);
		Path resultFile = Path.of(args[7]);
		Deliveries deliveries = new Deliveries(8_000_000);
		AutoCloseable client = switch (kind) {
			case "dingboot" -> dingBoot(apiBaseUrl, deliveries);
			case "official" -> official(apiBaseUrl, deliveries);
			case "jdk-floor" -> JdkWebSocketFloor.connect(apiBaseUrl, StreamGateway.APP, StreamGateway.SECRET,
					deliveries::delivered);
			case "tomcat-floor" -> TomcatWebSocketFloor.connect(apiBaseUrl, StreamGateway.APP, StreamGateway.SECRET,
					deliveries::delivered);
			case "netty-floor" -> NettyWebSocketFloor.connect(apiBaseUrl, StreamGateway.APP, StreamGateway.SECRET,
					SslProvider.JDK, deliveries::delivered);
			case "netty-boringssl-floor" -> NettyWebSocketFloor.connect(apiBaseUrl, StreamGateway.APP,
					StreamGateway.SECRET, SslProvider.OPENSSL, deliveries::delivered);
			default -> throw new IllegalArgumentException(
					"dingboot, official, jdk-floor, tomcat-floor, netty-floor or netty-boringssl-floor");
		};
		StreamBenchmark benchmark = new StreamBenchmark(controlPort);
		benchmark.results.put("client", kind);
		try {
			benchmark.run(deliveries, warmup, measure, disconnects, drops);
		}
		finally {
			client.close();
		}
		StringBuilder text = new StringBuilder();
		benchmark.results.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		Files.writeString(resultFile, text);
		System.out.print(text);
		System.exit(0);
	}

	private void run(Deliveries deliveries, int warmup, int measure, int disconnects, int drops) throws Exception {
		long start = System.nanoTime();
		control("/ready");
		this.results.put("connected_ms", Long.toString((System.nanoTime() - start) / 1_000_000));
		// saturation: warm up, then one measured window while the gateway keeps pushing
		List<long[]> ranges = new ArrayList<>();
		control("/saturate/start?window=256");
		Thread.sleep(warmup * 1000L);
		long[] before = sample(deliveries);
		Thread.sleep(measure * 1000L);
		long[] after = sample(deliveries);
		ranges.add(range(control("/saturate/stop")));
		double seconds = (after[0] - before[0]) / 1e9;
		long events = after[1] - before[1];
		this.results.put("saturation_events_per_s", String.format("%.0f", events / seconds));
		this.results.put("saturation_cpu_us_per_event", String.format("%.2f", (after[2] - before[2]) / 1e3 / events));
		this.results.put("saturation_cpu_percent", String.format("%.0f", (after[2] - before[2]) / 1e7 / seconds));
		this.results.put("saturation_load_average", loadAverage());
		// fixed rate: warm-up run, then the measured run
		ranges.add(range(control("/paced?rate=1000&seconds=" + warmup)));
		before = sample(deliveries);
		String paced = control("/paced?rate=1000&seconds=" + measure);
		after = sample(deliveries);
		ranges.add(range(paced));
		Map<String, String> fields = fields(paced);
		this.results.put("paced_rate", fields.get("rate"));
		this.results.put("paced_ack_p50_us", fields.get("p50"));
		this.results.put("paced_ack_p99_us", fields.get("p99"));
		this.results.put("paced_ack_p999_us", fields.get("p999"));
		this.results.put("paced_ack_max_us", fields.get("max"));
		this.results.put("paced_cpu_us_per_event",
				String.format("%.2f", (after[2] - before[2]) / 1e3 / (after[1] - before[1])));
		this.results.put("paced_load_average", loadAverage());
		// faults
		faults("disconnect", disconnects, 200, deliveries, ranges);
		// drops 1.5 s apart: each one an isolated drop (see DingBootStreamApp)
		faults("drop", drops, 1500, deliveries, ranges);
		long pushed = 0;
		long missing = 0;
		for (long[] range : ranges) {
			pushed += range[1] - range[0];
			missing += deliveries.missing(range[0], range[1]);
		}
		this.results.put("events_pushed", Long.toString(pushed));
		this.results.put("events_delivered", Long.toString(deliveries.delivered()));
		this.results.put("events_lost", Long.toString(missing));
		this.results.put("duplicate_deliveries", Long.toString(deliveries.duplicates()));
	}

	private void faults(String kind, int count, int settleMillis, Deliveries deliveries, List<long[]> ranges)
			throws Exception {
		if (count == 0) {
			return;
		}
		long duplicatesBefore = deliveries.duplicates();
		String answer = control("/faults?kind=" + kind + "&count=" + count + "&rate=1000&settle=" + settleMillis);
		String[] lines = answer.split("\n");
		long[] range = range(lines[0]);
		ranges.add(range);
		String stuck = fields(lines[0]).get("not_reconnected_after_fault");
		this.results.put(kind + "_unanswered_pushes", fields(lines[0]).get("unanswered"));
		this.results.put(kind + "_not_reconnected_after_fault", "0".equals(stuck) ? "none" : stuck);
		count = lines.length - 1;
		long[] recovery = new long[count];
		for (int i = 0; i < count; i++) {
			String[] fault = lines[i + 1].split(" ");
			long at = Long.parseLong(fault[1]);
			long firstNumber = Long.parseLong(fault[2]);
			long next = Long.MAX_VALUE;
			for (long n = firstNumber; n < range[1]; n++) {
				long seen = deliveries.firstSeen(n);
				if (seen != 0 && seen - at < next) {
					next = seen - at;
				}
			}
			recovery[i] = next;
		}
		Arrays.sort(recovery);
		this.results.put(kind + "_count", Integer.toString(count));
		this.results.put(kind + "_recovery_p50_ms", millis(recovery[count / 2]));
		this.results.put(kind + "_recovery_p90_ms", millis(recovery[(int) Math.ceil(0.9 * count) - 1]));
		this.results.put(kind + "_recovery_max_ms", millis(recovery[count - 1]));
		this.results.put(kind + "_events_lost", Long.toString(deliveries.missing(range[0], range[1])));
		this.results.put(kind + "_duplicate_deliveries", Long.toString(deliveries.duplicates() - duplicatesBefore));
	}

	/**
	 * The machine's 1-minute load average at the end of a measured window.
	 */
	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String millis(long nanos) {
		return (nanos == Long.MAX_VALUE) ? "never" : String.format("%.1f", nanos / 1e6);
	}

	/**
	 * {@code {nanoTime, events delivered, process CPU nanoseconds}}.
	 */
	private static long[] sample(Deliveries deliveries) {
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		return new long[] { System.nanoTime(), deliveries.delivered(), os.getProcessCpuTime() };
	}

	private static long[] range(String answer) {
		Map<String, String> fields = fields(answer);
		return new long[] { Long.parseLong(fields.get("first")), Long.parseLong(fields.get("end")) };
	}

	private static Map<String, String> fields(String answer) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String word : answer.split("\n")[0].split(" ")) {
			int equals = word.indexOf('=');
			if (equals > 0) {
				fields.put(word.substring(0, equals), word.substring(equals + 1));
			}
		}
		return fields;
	}

	private String control(String command) throws IOException, InterruptedException {
		HttpResponse<String> response = CONTROL.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.controlPort + command)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(command + " failed: " + response.body());
		}
		return response.body();
	}

	// the two clients

	private static AutoCloseable dingBoot(String apiBaseUrl, Deliveries deliveries) {
		ConfigurableApplicationContext context = DingBootStreamApp.start(apiBaseUrl, StreamGateway.APP,
				StreamGateway.SECRET, deliveries::delivered);
		return context::close;
	}

	private static AutoCloseable official(String apiBaseUrl, Deliveries deliveries) throws Exception {
		OpenDingTalkStreamClientBuilder builder = OpenDingTalkStreamClientBuilder.custom()
			.credential(new AuthClientCredential(StreamGateway.APP, StreamGateway.SECRET))
			.registerAllEventListener((event) -> {
				deliveries.delivered(event.getEventId());
				return EventAckStatus.SUCCESS;
			});
		// the builder offers only DingTalk's own hosts; the benchmark points it at the local gateway
		Field host = OpenDingTalkStreamClientBuilder.class.getDeclaredField("openApiHost");
		host.setAccessible(true);
		host.set(builder, apiBaseUrl);
		OpenDingTalkClient client = builder.build();
		client.start();
		return client::stop;
	}

}
