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
public final class Shape15AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part15a shapePart15a() {
		return new Part15a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part15b shapePart15b(Part15a previous) {
		return new Part15b(previous);
	}

	static final class Part15a {

	}

	static final class Part15b {

		private final Part15a previous;

		Part15b(Part15a previous) {
			this.previous = previous;
		}

	}

}
