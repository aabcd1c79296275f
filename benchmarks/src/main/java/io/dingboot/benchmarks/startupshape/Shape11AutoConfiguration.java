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
public final class Shape11AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part11a shapePart11a() {
		return new Part11a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part11b shapePart11b(Part11a previous) {
		return new Part11b(previous);
	}

	static final class Part11a {

	}

	static final class Part11b {

		private final Part11a previous;

		Part11b(Part11a previous) {
			this.previous = previous;
		}

	}

}
