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
public final class Shape14AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part14a shapePart14a() {
		return new Part14a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part14b shapePart14b(Part14a previous) {
		return new Part14b(previous);
	}

	static final class Part14a {

	}

	static final class Part14b {

		private final Part14a previous;

		Part14b(Part14a previous) {
			this.previous = previous;
		}

	}

}
