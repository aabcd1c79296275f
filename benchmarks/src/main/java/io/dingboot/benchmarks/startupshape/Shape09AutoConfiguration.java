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
public final class Shape09AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part09a shapePart09a() {
		return new Part09a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part09b shapePart09b(Part09a previous) {
		return new Part09b(previous);
	}

	static final class Part09a {

	}

	static final class Part09b {

		private final Part09a previous;

		Part09b(Part09a previous) {
			this.previous = previous;
		}

	}

}
