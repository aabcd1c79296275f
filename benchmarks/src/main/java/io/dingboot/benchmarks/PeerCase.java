package io.dingboot.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import com.sun.management.OperatingSystemMXBean;

/**
 * Measures one case of the {@link PeerBenchmark}, or one of the {@link PeerLayers}, in this JVM:
 * warms up for the given time and then until the JIT has gone quiet (less than 1% of a 2-second
 * window spent compiling, for at most another minute), measures, and prints one {@link CaseResult}
 * line.
 * <p>
 * Usage: {@code PeerCase <case> <threads> <stub-port> <warmup-seconds> <measure-seconds> <think-µs> [calls-per-second]}:
 * with a rate, the callers together make at most that many calls a second ({@link Pace}), so that
 * cases are compared at the same load.
 * {@code -Dpeer.trace=true} prints the JIT's share of every warm-up window.
 */
final class PeerCase {

	private static final long QUIET_WINDOW_MILLIS = 2000;

	private PeerCase() {
	}

	public static void main(String[] args) throws Exception {
		String name = args[0];
		int threads = Integer.parseInt(args[1]);
		PeerClients.Call call = PeerClients.named(name).apply("http://127.0.0.1:" + args[2]);
		long warmupSeconds = Long.parseLong(args[3]);
		long measureSeconds = Long.parseLong(args[4]);
		Think think = Think.calibrate(Long.parseLong(args[5]));
		Pace pace = Pace.of((args.length > 6) ? Long.parseLong(args[6]) : 0);
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		AtomicBoolean running = new AtomicBoolean(true);
		LongAdder calls = new LongAdder();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			workers.add(new Thread(() -> {
				while (running.get()) {
					try {
						pace.await();
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
		waitForQuietJit(Duration.ofSeconds(Math.max(60, 3 * warmupSeconds)));
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
		running.set(false);
		for (Thread worker : workers) {
			worker.join();
		}
		if (count == 0) {
			throw new IllegalStateException("no call completed");
		}
		long allTicks = ticks[0] - ticksStart[0];
		double jitShare = (allTicks > 0) ? (double) (ticks[1] - ticksStart[1]) / allTicks : 0;
		double callerShare = (allTicks > 0) ? (double) (ticks[2] - ticksStart[2]) / allTicks : 0;
		// the callers' own work between calls is not the client's cost
		double thinkCpu = (double) think.cpuNanos() * count;
		System.out.println("GC: " + gcSummary());
		System.out.println(new CaseResult(count / (elapsed / 1e9), (cpu - thinkCpu) / 1e3 / count,
				(callerShare * cpu - thinkCpu) / 1e3 / count, jitShare * cpu / 1e3 / count, warmedFor)
			.toLine());
		System.exit(0);
	}

	private static void waitForQuietJit(Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (System.nanoTime() < deadline) {
			long[] before = CpuTicks.read();
			Thread.sleep(QUIET_WINDOW_MILLIS);
			long[] after = CpuTicks.read();
			long compiling = after[1] - before[1];
			if (Boolean.getBoolean("peer.trace")) {
				System.out.println("JIT ticks in window: " + compiling + " of " + (after[0] - before[0]));
			}
			if (compiling < CpuTicks.PER_SECOND * QUIET_WINDOW_MILLIS / 1000 / 100) {
				return;
			}
		}
	}

	private static String gcSummary() {
		StringBuilder summary = new StringBuilder();
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			summary.append(gc.getName()).append('=').append(gc.getCollectionCount()).append(' ');
		}
		return summary.toString().trim();
	}

}
