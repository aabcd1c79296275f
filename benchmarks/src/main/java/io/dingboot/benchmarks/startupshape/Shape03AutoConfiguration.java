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
public final class Shape03AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part03a shapePart03a() {
		return new Part03a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part03b shapePart03b(Part03a previous) {
		return new Part03b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part03c shapePart03c(Part03b previous) {
		return new Part03c(previous);
	}

	static final class Part03a {

	}

	static final class Part03b {

		private final Part03a previous;

		Part03b(Part03a previous) {
			this.previous = previous;
		}

	}

	static final class Part03c {

		private final Part03b previous;

		Part03c(Part03b previous) {
			this.previous = previous;
		}

	}

}
