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
public final class Shape02AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part02a shapePart02a() {
		return new Part02a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part02b shapePart02b(Part02a previous) {
		return new Part02b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part02c shapePart02c(Part02b previous) {
		return new Part02c(previous);
	}

	static final class Part02a {

	}

	static final class Part02b {

		private final Part02a previous;

		Part02b(Part02a previous) {
			this.previous = previous;
		}

	}

	static final class Part02c {

		private final Part02b previous;

		Part02c(Part02b previous) {
			this.previous = previous;
		}

	}

}
