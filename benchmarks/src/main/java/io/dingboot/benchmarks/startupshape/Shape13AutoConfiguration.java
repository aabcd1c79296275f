package io.dingboot.benchmarks.startupshape;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * One of {@link ShapeFeatures}' empty auto-configurations.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "startup.shape.enabled", matchIfMissing = true)
public final class Shape13AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part13a shapePart13a() {
		return new Part13a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part13b shapePart13b(Part13a previous) {
		return new Part13b(previous);
	}

	static final class Part13a {

	}

	static final class Part13b {

		private final Part13a previous;

		Part13b(Part13a previous) {
			this.previous = previous;
		}

	}

}
