package io.dingboot.benchmarks.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dingboot.test.stream.FakeStreamGateway;
import io.dingboot.test.stream.GatewayConnection;
import io.dingboot.test.stream.StreamPush;

/**
 * The gateway process of the Stream peer benchmark ({@code benchmarks/stream-benchmark.sh}): one
 * {@link FakeStreamGateway} over TLS with one app, and the workload, run here so that every client
 * gets exactly the same frames. The client harness ({@link StreamBenchmark}) only receives, acks,
 * and asks for the next phase over a plain-HTTP control port on the loopback interface:
 * <ul>
 * <li>{@code /ready} waits for a connection of the app;</li>
 * <li>{@code /saturate/start?window=N} pushes events as fast as acks come back, at most
 * {@code N} unanswered; {@code /saturate/stop} stops and waits until every push is answered;</li>
 * <li>{@code /paced?rate=R&seconds=S} pushes {@code R} events a second for {@code S} seconds and
 * answers the push-to-ack latencies seen here;</li>
 * <li>{@code /faults?kind=disconnect|drop&count=N&rate=R&settle=MS} pushes {@code R} events a
 * second while it sends {@code disconnect} to (or drops) the app's connection {@code N} times, each
 * time {@code MS} milliseconds after the client connected again, and answers the time and first
 * event number of each fault.</li>
 * </ul>
 * Events are {@code user_add_org} with their sequence number as {@code eventId}; each answer
 * names the range of numbers the phase pushed, so the client can tell lost and duplicate events.
 */
public final class StreamGateway {

	static final String APP = "benchapp";

	static final String SECRET = "bench-secret-0123456789";

	private static final String DATA_PREFIX = "{\"userId\":[\"manager";

	private final FakeStreamGateway gateway;

	private final AtomicLong sequence = new AtomicLong();

	private volatile Saturation saturation;

	private StreamGateway(FakeStreamGateway gateway) {
		this.gateway = gateway;
	}

	public static void main(String[] args) throws Exception {
		int controlPort = Integer.parseInt(args[0]);
		Path keyStore = Path.of(args[1]);
		String password = args[2];
		FakeStreamGateway gateway = FakeStreamGateway.start(keyStore, password)
			.app(APP, SECRET)
			.redeliveryDelay(Duration.ofSeconds(1));
		StreamGateway workload = new StreamGateway(gateway);
		HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", controlPort), 0);
		control.setExecutor(Executors.newSingleThreadExecutor());
		control.createContext("/", workload::handle);
		control.start();
		System.out.println("stream gateway listening " + gateway.apiBaseUrl());
	}

	private void handle(HttpExchange exchange) throws IOException {
		String answer;
		int status = 200;
		try {
			Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
			answer = switch (exchange.getRequestURI().getPath()) {
				case "/ready" -> {
					this.gateway.awaitConnection(APP, Duration.ofSeconds(60));
					yield "ready";
				}
				case "/saturate/start" -> startSaturation(Integer.parseInt(query.getOrDefault("window", "256")));
				case "/saturate/stop" -> stopSaturation();
				case "/paced" -> paced(Integer.parseInt(query.get("rate")), Integer.parseInt(query.get("seconds")));
				case "/faults" -> faults(query.get("kind"), Integer.parseInt(query.get("count")),
						Integer.parseInt(query.getOrDefault("rate", "1000")),
						Integer.parseInt(query.getOrDefault("settle", "200")));
				default -> throw new IllegalArgumentException("unknown command");
			};
		}
		catch (RuntimeException | AssertionError | InterruptedException ex) {
			status = 500;
			answer = ex.toString();
		}
		byte[] body = answer.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new HashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int equals = pair.indexOf('=');
				query.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		return query;
	}

	private StreamPush push() {
		long number = this.sequence.getAndIncrement();
		return this.gateway.pushEvent(APP, "user_add_org", Long.toString(number),
				DATA_PREFIX + (number % 1000) + "\"],\"timeStamp\":\"" + System.currentTimeMillis() + "\"}");
	}

	private static Thread thread(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	// saturation

	private String startSaturation(int window) {
		Saturation running = new Saturation(window, this.sequence.get());
		this.saturation = running;
		thread("saturate-push", running::push);
		thread("saturate-acks", running::collect);
		return "started first=" + running.first;
	}

	private String stopSaturation() throws InterruptedException {
		Saturation running = this.saturation;
		running.stopping = true;
		running.done.acquire();
		return "pushed first=" + running.first + " end=" + this.sequence.get() + " unanswered=" + running.unanswered;
	}

	private final class Saturation {

		final Semaphore window;

		final long first;

		final BlockingQueue<StreamPush> outstanding = new LinkedBlockingQueue<>();

		final Semaphore done = new Semaphore(0);

		volatile boolean stopping;

		volatile boolean pushing = true;

		long unanswered;

		Saturation(int window, long first) {
			this.window = new Semaphore(window);
			this.first = first;
		}

		void push() {
			try {
				while (!this.stopping) {
					if (this.window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
						this.outstanding.add(StreamGateway.this.push());
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.pushing = false;
		}

		void collect() {
			try {
				while (this.pushing || !this.outstanding.isEmpty()) {
					StreamPush push = this.outstanding.poll(100, TimeUnit.MILLISECONDS);
					if (push != null) {
						await(push);
						this.window.release();
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.done.release();
		}

		private void await(StreamPush push) {
			try {
				push.awaitCompletion(Duration.ofSeconds(30));
			}
			catch (AssertionError ex) {
				this.unanswered++;
			}
		}

	}

	// fixed rate

	private String paced(int rate, int seconds) throws InterruptedException {
		long first = this.sequence.get();
		int count = rate * seconds;
		long[] pushedAt = new long[count];
		BlockingQueue<StreamPush> outstanding = new ArrayBlockingQueue<>(count);
		long[] latencies = new long[count];
		Thread collector = thread("paced-acks", () -> {
			for (int i = 0; i < count; i++) {
				try {
					// pushes are taken in the order they were made, so entry i is push i
					StreamPush push = outstanding.take();
					push.awaitAck(Duration.ofSeconds(30));
					latencies[i] = System.nanoTime() - pushedAt[i];
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (AssertionError ex) {
					latencies[i] = Long.MAX_VALUE;
				}
			}
		});
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long due = start + i * interval;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			pushedAt[i] = System.nanoTime();
			outstanding.add(push());
		}
		long pushingNanos = System.nanoTime() - start;
		collector.join();
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		return "pushed first=" + first + " end=" + this.sequence.get() + " rate="
				+ String.format("%.1f", count * 1e9 / pushingNanos) + " p50=" + micros(percentile(sorted, 0.50))
				+ " p99=" + micros(percentile(sorted, 0.99)) + " p999=" + micros(percentile(sorted, 0.999))
				+ " max=" + micros(sorted[sorted.length - 1]);
	}

	private static long percentile(long[] sorted, double fraction) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
	}

	private static String micros(long nanos) {
		return (nanos == Long.MAX_VALUE) ? "none" : Long.toString(nanos / 1000);
	}

	// faults

	private String faults(String kind, int count, int rate, int settleMillis) throws InterruptedException {
		if (!"disconnect".equals(kind) && !"drop".equals(kind)) {
			throw new IllegalArgumentException("kind is disconnect or drop");
		}
		long first = this.sequence.get();
		List<StreamPush> pushes = new ArrayList<>();
		AtomicBoolean stop = new AtomicBoolean();
		Thread pacer = thread("faults-push", () -> {
			long interval = 1_000_000_000L / rate;
			long start = System.nanoTime();
			// a flag, not an interrupt: a blocking WebSocket write may swallow the interrupt
			for (long i = 0; !stop.get(); i++) {
				long due = start + i * interval;
				long wait;
				while ((wait = due - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
				}
				StreamPush push = push();
				synchronized (pushes) {
					pushes.add(push);
				}
			}
		});
		StringBuilder answer = new StringBuilder();
		int stuck = 0;
		GatewayConnection connection = this.gateway.awaitConnection(APP, Duration.ofSeconds(90));
		for (int i = 0; i < count; i++) {
			// let the connection carry events for a while before it fails
			Thread.sleep(settleMillis);
			long number = this.sequence.get();
			long at = System.nanoTime();
			if ("drop".equals(kind)) {
				connection.drop();
			}
			else {
				connection.disconnect();
			}
			answer.append("fault ").append(at).append(' ').append(number).append('\n');
			try {
				connection = this.gateway.awaitNewConnection(APP, connection, Duration.ofSeconds(90));
			}
			catch (AssertionError ex) {
				// the client did not come back: report what happened so far
				stuck = i + 1;
				break;
			}
		}
		Thread.sleep(200);
		stop.set(true);
		pacer.join();
		long unanswered = 0;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		for (StreamPush push : pushes) {
			try {
				push.awaitCompletion(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
			}
			catch (AssertionError ex) {
				unanswered++;
			}
		}
		return "pushed first=" + first + " end=" + this.sequence.get() + " unanswered=" + unanswered
				+ " not_reconnected_after_fault=" + stuck + "\n" + answer;
	}

}
