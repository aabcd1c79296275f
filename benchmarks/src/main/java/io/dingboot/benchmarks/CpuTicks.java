package io.dingboot.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this process, of its JIT compiler threads and of the benchmark's calling threads,
 * read from Linux's {@code /proc} in clock ticks, so a benchmark can tell how much of its CPU went
 * to compiling, and how much an HTTP client spent on threads of its own rather than on the caller's.
 */
final class CpuTicks {

	/**
	 * Clock ticks per second ({@code USER_HZ}), 100 on Linux.
	 */
	static final long PER_SECOND = 100;

	private static final Path TASKS = Path.of("/proc/self/task");

	/**
	 * Name prefix of the threads that make the measured calls.
	 */
	static final String CALLER_PREFIX = "caller-";

	private CpuTicks() {
	}

	/**
	 * Returns {@code {all threads, compiler threads, calling threads}} in clock ticks; zeros where
	 * {@code /proc} is missing.
	 */
	static long[] read() {
		long all = 0;
		long compiler = 0;
		long callers = 0;
		if (!Files.isDirectory(TASKS)) {
			return new long[] { 0, 0, 0 };
		}
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
			for (Path task : tasks) {
				String stat;
				try {
					stat = Files.readString(task.resolve("stat"));
				}
				catch (IOException ex) {
					continue; // the thread ended meanwhile
				}
				int nameEnd = stat.lastIndexOf(')');
				String name = stat.substring(stat.indexOf('(') + 1, nameEnd);
				String[] fields = stat.substring(nameEnd + 2).split(" ");
				// utime and stime are fields 14 and 15 of stat, 12 and 13 after the name
				long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				all += ticks;
				if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
					compiler += ticks;
				}
				else if (name.startsWith(CALLER_PREFIX)) {
					callers += ticks;
				}
			}
		}
		catch (IOException ex) {
			return new long[] { 0, 0, 0 };
		}
		return new long[] { all, compiler, callers };
	}

}
