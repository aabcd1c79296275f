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
public final class Shape12AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part12a shapePart12a() {
		return new Part12a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part12b shapePart12b(Part12a previous) {
		return new Part12b(previous);
	}

	static final class Part12a {

	}

	static final class Part12b {

		private final Part12a previous;

		Part12b(Part12a previous) {
			this.previous = previous;
		}

	}

}
