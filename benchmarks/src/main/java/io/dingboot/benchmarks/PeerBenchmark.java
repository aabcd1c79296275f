package io.dingboot.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Drives one operation — {@code listsub(dept_id=1)} with a warm token — through DingBoot, through
 * the official legacy SDK (the caller keeps the token), and through a bare JDK {@code HttpClient}
 * call without JSON mapping (the floor), against the {@link StubServer} running in another
 * process (the clients are in {@link PeerClients}). Every case runs in a JVM of its own
 * ({@link PeerCase}), so no case pays for another's class loading or compilation, and reports its
 * throughput, its process's CPU time per call (JIT and GC threads included) and how much of that ran
 * on the calling threads. The cases run interleaved, in rounds, and the median of the rounds is
 * reported: on a shared machine the speed of a core drifts from minute to minute.
 * <p>
 * A caller may also do some work of its own between calls ("think time"), as an application does:
 * a fixed computation whose CPU time is calibrated in each JVM and taken out of the figures again, so
 * they still show the clients' own cost. An HTTP client that hands each exchange to a thread of its
 * own costs more per call once that thread falls asleep between calls, which a tight loop hides.
 * <p>
 * Usage: {@code PeerBenchmark <stub-port> [warmup-seconds] [measure-seconds] [rounds] [think-µs]
 * [thread counts, comma-separated] [calls-per-second]}; run it pinned to one core ({@code taskset}),
 * the cases inherit the pinning. With a rate other than 0 every case makes at most that many calls a
 * second in total ({@link Pace}): the CPU per call is then compared at the same load, where a case
 * that runs faster would otherwise also pay for the extra scheduling its higher rate causes.
 * {@code -Dpeer.cases=<name>;<name>…} runs only the named cases, peer cases or
 * {@link PeerLayers layers}, and prints their table alone.
 */
public final class PeerBenchmark {

	private PeerBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String port = (args.length > 0) ? args[0] : "18089";
		String warmup = (args.length > 1) ? args[1] : "5";
		String measure = (args.length > 2) ? args[2] : "10";
		int rounds = (args.length > 3) ? Integer.parseInt(args[3]) : 3;
		String think = (args.length > 4) ? args[4] : "0";
		int[] threadCounts = Arrays.stream(((args.length > 5) ? args[5] : "1,16").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		String rate = (args.length > 6) ? args[6] : "0";
		System.out.println("think time between calls: " + think + " µs of the caller's own work");
		if (!"0".equals(rate)) {
			System.out.println("pace: at most " + rate + " calls a second per case");
		}
		String previousJar = System.getProperty("peer.previous.jar", "");
		String chosen = System.getProperty("peer.cases", "");
		List<String> cases = chosen.isEmpty() ? PeerClients.CASES.keySet()
			.stream()
			.filter((name) -> !previousJar.isEmpty() || !PeerClients.PREVIOUS_CASES.contains(name))
			.toList() : chosenCases(chosen);
		if (!previousJar.isEmpty()) {
			System.out.println("previous release: " + System.getProperty("peer.previous.label", previousJar));
		}
		Map<String, List<CaseResult>> runs = new LinkedHashMap<>();
		for (int round = 1; round <= rounds; round++) {
			System.out.println("round " + round + " of " + rounds);
			for (int threads : threadCounts) {
				for (String name : cases) {
					runs.computeIfAbsent(key(name, threads), (key) -> new ArrayList<>())
						.add(fork(name, threads, port, warmup, measure, think, rate, previousJar));
				}
			}
		}
		Map<String, CaseResult> results = new LinkedHashMap<>();
		runs.forEach((key, list) -> results.put(key, CaseResult.median(list)));
		System.out.println();
		System.out.println("Median of " + rounds + " rounds (cases interleaved, every case in a JVM of its own):");
		System.out.println();
		System.out.println("| client | threads | calls/s | client CPU µs/call | on the calling threads | of which JIT "
				+ "| CPU µs/call, each round |");
		System.out.println("|---|---|---|---|---|---|---|");
		for (int threads : threadCounts) {
			for (String name : cases) {
				CaseResult result = results.get(key(name, threads));
				List<String> each = runs.get(key(name, threads))
					.stream()
					.map((run) -> format(run.cpuMicros()))
					.toList();
				System.out.println("| " + name + " | " + threads + " | " + format(result.callsPerSecond()) + " | "
						+ format(result.cpuMicros()) + " | " + format(result.callerMicros()) + " | "
						+ format(result.jitMicros()) + " | " + String.join(", ", each) + " |");
			}
		}
		System.out.println();
		if (!chosen.isEmpty()) {
			return;
		}
		for (int threads : threadCounts) {
			CaseResult floor = results.get(key(PeerClients.FLOOR, threads));
			CaseResult sdk = results.get(key(PeerClients.SDK, threads));
			for (String name : cases) {
				if (!name.equals(PeerClients.FLOOR) && !name.equals(PeerClients.SDK)) {
					CaseResult result = results.get(key(name, threads));
					System.out.printf(Locale.ROOT,
							"threads=%d, %s: CPU/call = %.2fx floor, %.2fx SDK; throughput = %.2fx SDK%n", threads,
							name, result.cpuMicros() / floor.cpuMicros(), result.cpuMicros() / sdk.cpuMicros(),
							result.callsPerSecond() / sdk.callsPerSecond());
				}
			}
			CaseResult cheapestJdk = (floor.cpuMicros() <= results.get(key(PeerClients.JDK_AS_DINGBOOT, threads)).cpuMicros())
					? floor : results.get(key(PeerClients.JDK_AS_DINGBOOT, threads));
			sameLibrary(results, threads, PeerClients.DINGBOOT, cheapestJdk, PeerClients.PREVIOUS, "the cheapest bare JDK call");
			sameLibrary(results, threads, PeerClients.DINGBOOT, results.get(key(PeerClients.JDK_MAPPED, threads)),
					PeerClients.PREVIOUS, "the bare JDK call that maps the answer");
			CaseResult bare5 = results.get(key(PeerClients.HTTP_CLIENT_5, threads));
			CaseResult boot5 = results.get(key(PeerClients.HTTP_CLIENT_5_AS_BOOT, threads));
			CaseResult cheapest5 = (bare5.cpuMicros() <= boot5.cpuMicros()) ? bare5 : boot5;
			sameLibrary(results, threads, PeerClients.DINGBOOT_HTTP_CLIENT_5, cheapest5, PeerClients.PREVIOUS_HTTP_CLIENT_5,
					"the cheapest bare httpclient5 call");
			sameLibrary(results, threads, PeerClients.DINGBOOT_HTTP_CLIENT_5, boot5, PeerClients.PREVIOUS_HTTP_CLIENT_5,
					"the bare httpclient5 call on Boot's client");
			sameLibrary(results, threads, PeerClients.DINGBOOT_HTTP_CLIENT_5,
					results.get(key(PeerClients.HTTP_CLIENT_5_MAPPED, threads)), PeerClients.PREVIOUS_HTTP_CLIENT_5,
					"the bare httpclient5 call that maps the answer");
		}
	}

	/**
	 * The cases named in {@code -Dpeer.cases} (separated by {@code ;}), from the peer cases and the
	 * {@link PeerLayers layers}; only their table is printed then, without the comparisons.
	 */
	private static List<String> chosenCases(String chosen) {
		List<String> cases = Arrays.stream(chosen.split(";")).map(String::trim).filter((name) -> !name.isEmpty()).toList();
		cases.forEach(PeerClients::named);
		return cases;
	}

	/**
	 * Prints DingBoot's CPU per call against the bare call over the same HTTP library and against the
	 * previous release over it, when that ran.
	 */
	private static void sameLibrary(Map<String, CaseResult> results, int threads, String name, CaseResult bare,
			String previous, String bareName) {
		CaseResult result = results.get(key(name, threads));
		CaseResult previousResult = results.get(key(previous, threads));
		System.out.printf(Locale.ROOT, "threads=%d, %s: CPU/call = %.2fx %s%s%n", threads, name,
				result.cpuMicros() / bare.cpuMicros(), bareName, (previousResult != null)
						? String.format(Locale.ROOT, ", %.2fx the previous release", result.cpuMicros() / previousResult.cpuMicros())
						: "");
	}

	private static String key(String name, int threads) {
		return name + "@" + threads;
	}

	/**
	 * Runs one case in a new JVM with this one's class path (with the previous release's jar ahead of
	 * it for that release's cases) and memory limit; the case prints one result line, everything else
	 * it prints is passed on.
	 */
	private static CaseResult fork(String name, int threads, String port, String warmup, String measure,
			String think, String rate, String previousJar) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = System.getProperty("java.class.path");
		if (PeerClients.PREVIOUS_CASES.contains(name)) {
			classPath = previousJar + File.pathSeparator + classPath;
		}
		List<String> command = List.of(java, "-Xmx512m", "-cp", classPath,
				PeerCase.class.getName(), name, String.valueOf(threads), port, warmup, measure, think, rate);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		CaseResult result = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (CaseResult.isResultLine(line)) {
					result = CaseResult.parse(line);
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
				threads, result.callsPerSecond(), result.cpuMicros(), result.callerMicros(), result.jitMicros(),
				result.warmedSeconds());
		return result;
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
