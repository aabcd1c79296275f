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
public final class Shape16AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part16a shapePart16a() {
		return new Part16a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part16b shapePart16b(Part16a previous) {
		return new Part16b(previous);
	}

	static final class Part16a {

	}

	static final class Part16b {

		private final Part16a previous;

		Part16b(Part16a previous) {
			this.previous = previous;
		}

	}

}
