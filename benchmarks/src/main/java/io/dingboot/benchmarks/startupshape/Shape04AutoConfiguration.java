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
public final class Shape04AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part04a shapePart04a() {
		return new Part04a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part04b shapePart04b(Part04a previous) {
		return new Part04b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part04c shapePart04c(Part04b previous) {
		return new Part04c(previous);
	}

	static final class Part04a {

	}

	static final class Part04b {

		private final Part04a previous;

		Part04b(Part04a previous) {
			this.previous = previous;
		}

	}

	static final class Part04c {

		private final Part04b previous;

		Part04c(Part04b previous) {
			this.previous = previous;
		}

	}

}
