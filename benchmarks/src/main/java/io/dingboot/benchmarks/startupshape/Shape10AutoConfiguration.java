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
public final class Shape10AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part10a shapePart10a() {
		return new Part10a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part10b shapePart10b(Part10a previous) {
		return new Part10b(previous);
	}

	static final class Part10a {

	}

	static final class Part10b {

		private final Part10a previous;

		Part10b(Part10a previous) {
			this.previous = previous;
		}

	}

}
