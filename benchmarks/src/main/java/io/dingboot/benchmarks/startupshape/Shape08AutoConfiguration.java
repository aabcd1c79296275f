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
public final class Shape08AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part08a shapePart08a() {
		return new Part08a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part08b shapePart08b(Part08a previous) {
		return new Part08b(previous);
	}

	static final class Part08a {

	}

	static final class Part08b {

		private final Part08a previous;

		Part08b(Part08a previous) {
			this.previous = previous;
		}

	}

}
