package io.dingboot.benchmarks.startupshape;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@link ShapeFeatures}' 36 beans in one auto-configuration instead of sixteen (the
 * {@code shape1} variant, {@code -Dstartup.shape=single}).
 */
@AutoConfiguration
@ConditionalOnProperty(name = "startup.shape.enabled", matchIfMissing = true)
public final class SingleShapeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Part01a singlePart01a() {
		return new Part01a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part01b singlePart01b(Part01a previous) {
		return new Part01b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part01c singlePart01c(Part01b previous) {
		return new Part01c(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part02a singlePart02a() {
		return new Part02a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part02b singlePart02b(Part02a previous) {
		return new Part02b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part02c singlePart02c(Part02b previous) {
		return new Part02c(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part03a singlePart03a() {
		return new Part03a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part03b singlePart03b(Part03a previous) {
		return new Part03b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part03c singlePart03c(Part03b previous) {
		return new Part03c(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part04a singlePart04a() {
		return new Part04a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part04b singlePart04b(Part04a previous) {
		return new Part04b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part04c singlePart04c(Part04b previous) {
		return new Part04c(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part05a singlePart05a() {
		return new Part05a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part05b singlePart05b(Part05a previous) {
		return new Part05b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part06a singlePart06a() {
		return new Part06a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part06b singlePart06b(Part06a previous) {
		return new Part06b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part07a singlePart07a() {
		return new Part07a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part07b singlePart07b(Part07a previous) {
		return new Part07b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part08a singlePart08a() {
		return new Part08a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part08b singlePart08b(Part08a previous) {
		return new Part08b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part09a singlePart09a() {
		return new Part09a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part09b singlePart09b(Part09a previous) {
		return new Part09b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part10a singlePart10a() {
		return new Part10a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part10b singlePart10b(Part10a previous) {
		return new Part10b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part11a singlePart11a() {
		return new Part11a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part11b singlePart11b(Part11a previous) {
		return new Part11b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part12a singlePart12a() {
		return new Part12a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part12b singlePart12b(Part12a previous) {
		return new Part12b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part13a singlePart13a() {
		return new Part13a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part13b singlePart13b(Part13a previous) {
		return new Part13b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part14a singlePart14a() {
		return new Part14a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part14b singlePart14b(Part14a previous) {
		return new Part14b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part15a singlePart15a() {
		return new Part15a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part15b singlePart15b(Part15a previous) {
		return new Part15b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Part16a singlePart16a() {
		return new Part16a();
	}

	@Bean
	@ConditionalOnMissingBean
	Part16b singlePart16b(Part16a previous) {
		return new Part16b(previous);
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

	static final class Part02a {

	}

	static final class Part02b {

		private final Part02a previous;

		Part02b(Part02a previous) {
			this.previous = previous;
		}

	}

	static final class Part02c {

		private final Part02b previous;

		Part02c(Part02b previous) {
			this.previous = previous;
		}

	}

	static final class Part03a {

	}

	static final class Part03b {

		private final Part03a previous;

		Part03b(Part03a previous) {
			this.previous = previous;
		}

	}

	static final class Part03c {

		private final Part03b previous;

		Part03c(Part03b previous) {
			this.previous = previous;
		}

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

	static final class Part05a {

	}

	static final class Part05b {

		private final Part05a previous;

		Part05b(Part05a previous) {
			this.previous = previous;
		}

	}

	static final class Part06a {

	}

	static final class Part06b {

		private final Part06a previous;

		Part06b(Part06a previous) {
			this.previous = previous;
		}

	}

	static final class Part07a {

	}

	static final class Part07b {

		private final Part07a previous;

		Part07b(Part07a previous) {
			this.previous = previous;
		}

	}

	static final class Part08a {

	}

	static final class Part08b {

		private final Part08a previous;

		Part08b(Part08a previous) {
			this.previous = previous;
		}

	}

	static final class Part09a {

	}

	static final class Part09b {

		private final Part09a previous;

		Part09b(Part09a previous) {
			this.previous = previous;
		}

	}

	static final class Part10a {

	}

	static final class Part10b {

		private final Part10a previous;

		Part10b(Part10a previous) {
			this.previous = previous;
		}

	}

	static final class Part11a {

	}

	static final class Part11b {

		private final Part11a previous;

		Part11b(Part11a previous) {
			this.previous = previous;
		}

	}

	static final class Part12a {

	}

	static final class Part12b {

		private final Part12a previous;

		Part12b(Part12a previous) {
			this.previous = previous;
		}

	}

	static final class Part13a {

	}

	static final class Part13b {

		private final Part13a previous;

		Part13b(Part13a previous) {
			this.previous = previous;
		}

	}

	static final class Part14a {

	}

	static final class Part14b {

		private final Part14a previous;

		Part14b(Part14a previous) {
			this.previous = previous;
		}

	}

	static final class Part15a {

	}

	static final class Part15b {

		private final Part15a previous;

		Part15b(Part15a previous) {
			this.previous = previous;
		}

	}

	static final class Part16a {

	}

	static final class Part16b {

		private final Part16a previous;

		Part16b(Part16a previous) {
			this.previous = previous;
		}

	}

}
