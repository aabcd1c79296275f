package io.dingboot.benchmarks.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest Boot web + security application, for the start-up benchmark
 * ({@code benchmarks/startup-benchmark.sh}): one controller, Boot's defaults, and whatever
 * DingBoot the classpath and the command line give it. It exits as soon as it is ready, printing
 * how long the JVM had been up and the main thread's CPU time, so that a whole process measures the
 * start-up and nothing else.
 * <p>
 * It lives in a package of its own so that component scanning sees only this class, and refers to
 * no DingBoot type, so that it also runs with DingBoot off the classpath. With
 * {@code -Dstartup.handmade=true} it adds {@code HandmadeFeatures}: the same Spring parts as
 * DingBoot's login, callbacks and dd.config, written by hand; with {@code -Dstartup.shape=true}
 * {@code ShapeFeatures}: empty auto-configurations and beans in the number DingBoot registers
 * ({@code -Dstartup.shape=single}: the same beans in one auto-configuration).
 * <p>
 * With {@code -Dstartup.report=true} it also prints, before it exits, the classes loaded, the
 * threads alive and, from a {@link BufferingApplicationStartup}, the time spent instantiating each
 * DingBoot bean and the beans that took longest; the timed runs leave it off. With
 * {@code -Dstartup.beans=<file>} the report also writes the names of the context's beans to that
 * file, to compare variants.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class StartupApp {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApp.class);
		if (Boolean.getBoolean("startup.handmade")) {
			application.addPrimarySources(List.of(byName("io.dingboot.benchmarks.startuphandmade.HandmadeFeatures")));
		}
		String shape = System.getProperty("startup.shape", "");
		if (!shape.isEmpty()) {
			application.addPrimarySources(List.of(byName("io.dingboot.benchmarks.startupshape."
					+ ("single".equals(shape) ? "SingleShapeFeatures" : "ShapeFeatures"))));
		}
		// nothing to close on the way out: the process only measures the way in
		application.setRegisterShutdownHook(false);
		boolean report = Boolean.getBoolean("startup.report");
		BufferingApplicationStartup startup = report ? new BufferingApplicationStartup(20_000) : null;
		if (startup != null) {
			application.setApplicationStartup(startup);
		}
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> {
			System.out.println("startup-benchmark ready after "
					+ ManagementFactory.getRuntimeMXBean().getUptime() + " ms of JVM uptime, main thread cpu "
					+ ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000 + " ms");
			if (startup != null) {
				report(event.getApplicationContext(), startup.getBufferedTimeline());
			}
			System.exit(0);
		});
		application.run(args);
	}

	/**
	 * The {@code handmade} or {@code shape} variant's configuration, by name: this class refers to no
	 * other part of the benchmark.
	 */
	private static Class<?> byName(String className) {
		try {
			return Class.forName(className);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void report(ConfigurableApplicationContext context, StartupTimeline timeline) {
		System.out.println("classes loaded: " + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
		long gc = ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionTime)
			.sum();
		System.out.println("cpu of the main thread: " + ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000
				+ " ms, JIT compilation: " + ManagementFactory.getCompilationMXBean().getTotalCompilationTime()
				+ " ms, GC: " + gc + " ms");
		Map<String, Long> threads = new TreeMap<>();
		Thread.getAllStackTraces().keySet()
			.forEach((thread) -> threads.merge(thread.getName().replaceAll("[0-9]+", "N"), 1L, Long::sum));
		System.out.println("threads alive: " + Thread.activeCount() + " " + threads);
		Map<String, Duration> dingBoot = new TreeMap<>();
		Duration dingBootTotal = Duration.ZERO;
		for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
			StartupStep step = event.getStartupStep();
			if (!"spring.beans.instantiate".equals(step.getName())) {
				continue;
			}
			String bean = beanName(step);
			if (bean.toLowerCase().startsWith("dingtalk") || bean.startsWith("io.dingboot")) {
				dingBoot.put(bean, event.getDuration());
			}
		}
		for (Duration duration : dingBoot.values()) {
			dingBootTotal = dingBootTotal.plus(duration);
		}
		System.out.println("DingBoot beans instantiated: " + dingBoot.size() + ", " + dingBootTotal.toMillis()
				+ " ms including what they create (nested steps counted in their parents too)");
		dingBoot.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Duration>comparingByValue(Comparator.reverseOrder()))
			.limit(15)
			.forEach((entry) -> System.out.println("  " + entry.getValue().toMillis() + " ms  " + entry.getKey()));
		System.out.println("beans in the context: " + context.getBeanDefinitionCount());
		String beansFile = System.getProperty("startup.beans");
		if (beansFile != null) {
			try {
				Files.write(Path.of(beansFile), Arrays.stream(context.getBeanDefinitionNames()).sorted().toList());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		selfTimes(timeline);
	}

	/**
	 * Prints the steps that took longest by their own time, what each took less what its nested steps
	 * took, summed by step name and bean (with {@code -Dstartup.report=true}): where a start-up goes,
	 * DingBoot's or not.
	 */
	private static void selfTimes(StartupTimeline timeline) {
		Map<Long, Duration> nested = new HashMap<>();
		for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				nested.merge(parent, event.getDuration(), Duration::plus);
			}
		}
		Map<String, Duration> self = new HashMap<>();
		for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
			StartupStep step = event.getStartupStep();
			Duration own = event.getDuration().minus(nested.getOrDefault(step.getId(), Duration.ZERO));
			String bean = beanName(step);
			self.merge("?".equals(bean) ? step.getName() : step.getName() + " " + bean, own, Duration::plus);
		}
		System.out.println("steps by their own time (without nested steps):");
		self.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Duration>comparingByValue(Comparator.reverseOrder()))
			.limit(25)
			.forEach((entry) -> System.out.println("  self " + entry.getValue().toMillis() + " ms  " + entry.getKey()));
	}

	private static String beanName(StartupStep step) {
		for (StartupStep.Tag tag : step.getTags()) {
			if ("beanName".equals(tag.getKey())) {
				return tag.getValue();
			}
		}
		return "?";
	}

	@RestController
	static class HelloController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
