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
public final class Shape01AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part01a shapePart01a() {
		return new Part01a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part01b shapePart01b(Part01a previous) {
		return new Part01b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part01c shapePart01c(Part01b previous) {
		return new Part01c(previous);
	}

	static final class Part01a {

	}

	static final class Part01b {

		private final Part01a previous;

		Part01b(Part01a previous) {
			this.previous = previous;
		}

	}

	static final class Part01c {

		private final Part01b previous;

		Part01c(Part01b previous) {
			this.previous = previous;
		}

	}

}
