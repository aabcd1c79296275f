package io.dingboot.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Work a benchmark caller does between two calls, as an application does: a fixed computation (no
 * sleeping, no memory traffic) whose CPU time is calibrated once, so it can be taken out of the
 * measured CPU again.
 */
final class Think {

	private static final Think NONE = new Think(0, 0);

	private static volatile long sink;

	private final long iterations;

	private final long cpuNanos;

	private Think(long iterations, long cpuNanos) {
		this.iterations = iterations;
		this.cpuNanos = cpuNanos;
	}

	/**
	 * Returns work that takes about the given CPU time per run on this machine.
	 * @param micros the CPU time per run, in microseconds; 0 for none
	 * @return the calibrated work
	 */
	static Think calibrate(long micros) {
		if (micros <= 0) {
			return NONE;
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long probe = 1_000_000;
		for (int i = 0; i < 200; i++) {
			sink = spin(probe / 10);
		}
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 20; i++) {
			long start = threads.getCurrentThreadCpuTime();
			sink = spin(probe);
			best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
		}
		double nanosPerIteration = (double) best / probe;
		long iterations = Math.max(1, Math.round(micros * 1000 / nanosPerIteration));
		return new Think(iterations, Math.round(iterations * nanosPerIteration));
	}

	/**
	 * The CPU time of one run, in nanoseconds.
	 */
	long cpuNanos() {
		return this.cpuNanos;
	}

	void run() {
		if (this.iterations > 0) {
			sink = spin(this.iterations);
		}
	}

	private static long spin(long iterations) {
		long x = sink | 1;
		for (long i = 0; i < iterations; i++) {
			x = x * 6364136223846793005L + 1442695040888963407L;
		}
		return x;
	}

}
