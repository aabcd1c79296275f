package io.dingboot.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What one case measured in its JVM, passed to the driving JVM as one {@code RESULT} line.
 *
 * @param callsPerSecond throughput
 * @param cpuMicros the process's CPU time per call, without the callers' think time
 * @param callerMicros the part of {@code cpuMicros} spent on the calling threads
 * @param jitMicros the part of the CPU time per call spent by the JIT compiler threads
 * @param warmedSeconds how long the case warmed up
 */
record CaseResult(double callsPerSecond, double cpuMicros, double callerMicros, double jitMicros,
		double warmedSeconds) {

	private static final String PREFIX = "RESULT ";

	String toLine() {
		return String.format(Locale.ROOT, PREFIX + "%.3f %.3f %.3f %.3f %.1f", this.callsPerSecond, this.cpuMicros,
				this.callerMicros, this.jitMicros, this.warmedSeconds);
	}

	static boolean isResultLine(String line) {
		return line.startsWith(PREFIX);
	}

	static CaseResult parse(String line) {
		String[] fields = line.substring(PREFIX.length()).split(" ");
		return new CaseResult(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
				Double.parseDouble(fields[2]), Double.parseDouble(fields[3]), Double.parseDouble(fields[4]));
	}

	/**
	 * Field-wise median of the runs of one case.
	 */
	static CaseResult median(List<CaseResult> runs) {
		return new CaseResult(median(runs, CaseResult::callsPerSecond), median(runs, CaseResult::cpuMicros),
				median(runs, CaseResult::callerMicros), median(runs, CaseResult::jitMicros),
				median(runs, CaseResult::warmedSeconds));
	}

	private static double median(List<CaseResult> runs, ToDoubleFunction<CaseResult> field) {
		double[] values = runs.stream().mapToDouble(field).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

}
