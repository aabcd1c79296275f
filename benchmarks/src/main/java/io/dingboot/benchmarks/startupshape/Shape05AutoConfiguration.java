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
public final class Shape05AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part05a shapePart05a() {
		return new Part05a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part05b shapePart05b(Part05a previous) {
		return new Part05b(previous);
	}

	static final class Part05a {

	}

	static final class Part05b {

		private final Part05a previous;

		Part05b(Part05a previous) {
			this.previous = previous;
		}

	}

}
