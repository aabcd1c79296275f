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
public final class Shape06AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part06a shapePart06a() {
		return new Part06a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part06b shapePart06b(Part06a previous) {
		return new Part06b(previous);
	}

	static final class Part06a {

	}

	static final class Part06b {

		private final Part06a previous;

		Part06b(Part06a previous) {
			this.previous = previous;
		}

	}

}
