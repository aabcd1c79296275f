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
public final class Shape07AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part07a shapePart07a() {
		return new Part07a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part07b shapePart07b(Part07a previous) {
		return new Part07b(previous);
	}

	static final class Part07a {

	}

	static final class Part07b {

		private final Part07a previous;

		Part07b(Part07a previous) {
			this.previous = previous;
		}

	}

}
