package io.dingboot.benchmarks.startupshape;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@link ShapeFeatures}' 36 beans, of the same classes, in one auto-configuration instead of
 * sixteen (the {@code shape1} variant, {@code -Dstartup.shape=single}). Only the nested bean
 * classes of the sixteen are loaded, not the auto-configurations themselves.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "startup.shape.enabled", matchIfMissing = true)
public final class SingleShapeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Shape01AutoConfiguration.Part01a singlePart01a() {
		return new Shape01AutoConfiguration.Part01a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape01AutoConfiguration.Part01b singlePart01b(Shape01AutoConfiguration.Part01a previous) {
		return new Shape01AutoConfiguration.Part01b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape01AutoConfiguration.Part01c singlePart01c(Shape01AutoConfiguration.Part01b previous) {
		return new Shape01AutoConfiguration.Part01c(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape02AutoConfiguration.Part02a singlePart02a() {
		return new Shape02AutoConfiguration.Part02a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape02AutoConfiguration.Part02b singlePart02b(Shape02AutoConfiguration.Part02a previous) {
		return new Shape02AutoConfiguration.Part02b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape02AutoConfiguration.Part02c singlePart02c(Shape02AutoConfiguration.Part02b previous) {
		return new Shape02AutoConfiguration.Part02c(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape03AutoConfiguration.Part03a singlePart03a() {
		return new Shape03AutoConfiguration.Part03a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape03AutoConfiguration.Part03b singlePart03b(Shape03AutoConfiguration.Part03a previous) {
		return new Shape03AutoConfiguration.Part03b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape03AutoConfiguration.Part03c singlePart03c(Shape03AutoConfiguration.Part03b previous) {
		return new Shape03AutoConfiguration.Part03c(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape04AutoConfiguration.Part04a singlePart04a() {
		return new Shape04AutoConfiguration.Part04a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape04AutoConfiguration.Part04b singlePart04b(Shape04AutoConfiguration.Part04a previous) {
		return new Shape04AutoConfiguration.Part04b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape04AutoConfiguration.Part04c singlePart04c(Shape04AutoConfiguration.Part04b previous) {
		return new Shape04AutoConfiguration.Part04c(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape05AutoConfiguration.Part05a singlePart05a() {
		return new Shape05AutoConfiguration.Part05a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape05AutoConfiguration.Part05b singlePart05b(Shape05AutoConfiguration.Part05a previous) {
		return new Shape05AutoConfiguration.Part05b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape06AutoConfiguration.Part06a singlePart06a() {
		return new Shape06AutoConfiguration.Part06a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape06AutoConfiguration.Part06b singlePart06b(Shape06AutoConfiguration.Part06a previous) {
		return new Shape06AutoConfiguration.Part06b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape07AutoConfiguration.Part07a singlePart07a() {
		return new Shape07AutoConfiguration.Part07a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape07AutoConfiguration.Part07b singlePart07b(Shape07AutoConfiguration.Part07a previous) {
		return new Shape07AutoConfiguration.Part07b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape08AutoConfiguration.Part08a singlePart08a() {
		return new Shape08AutoConfiguration.Part08a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape08AutoConfiguration.Part08b singlePart08b(Shape08AutoConfiguration.Part08a previous) {
		return new Shape08AutoConfiguration.Part08b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape09AutoConfiguration.Part09a singlePart09a() {
		return new Shape09AutoConfiguration.Part09a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape09AutoConfiguration.Part09b singlePart09b(Shape09AutoConfiguration.Part09a previous) {
		return new Shape09AutoConfiguration.Part09b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape10AutoConfiguration.Part10a singlePart10a() {
		return new Shape10AutoConfiguration.Part10a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape10AutoConfiguration.Part10b singlePart10b(Shape10AutoConfiguration.Part10a previous) {
		return new Shape10AutoConfiguration.Part10b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape11AutoConfiguration.Part11a singlePart11a() {
		return new Shape11AutoConfiguration.Part11a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape11AutoConfiguration.Part11b singlePart11b(Shape11AutoConfiguration.Part11a previous) {
		return new Shape11AutoConfiguration.Part11b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape12AutoConfiguration.Part12a singlePart12a() {
		return new Shape12AutoConfiguration.Part12a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape12AutoConfiguration.Part12b singlePart12b(Shape12AutoConfiguration.Part12a previous) {
		return new Shape12AutoConfiguration.Part12b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape13AutoConfiguration.Part13a singlePart13a() {
		return new Shape13AutoConfiguration.Part13a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape13AutoConfiguration.Part13b singlePart13b(Shape13AutoConfiguration.Part13a previous) {
		return new Shape13AutoConfiguration.Part13b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape14AutoConfiguration.Part14a singlePart14a() {
		return new Shape14AutoConfiguration.Part14a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape14AutoConfiguration.Part14b singlePart14b(Shape14AutoConfiguration.Part14a previous) {
		return new Shape14AutoConfiguration.Part14b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape15AutoConfiguration.Part15a singlePart15a() {
		return new Shape15AutoConfiguration.Part15a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape15AutoConfiguration.Part15b singlePart15b(Shape15AutoConfiguration.Part15a previous) {
		return new Shape15AutoConfiguration.Part15b(previous);
	}

	@Bean
	@ConditionalOnMissingBean
	Shape16AutoConfiguration.Part16a singlePart16a() {
		return new Shape16AutoConfiguration.Part16a();
	}

	@Bean
	@ConditionalOnMissingBean
	Shape16AutoConfiguration.Part16b singlePart16b(Shape16AutoConfiguration.Part16a previous) {
		return new Shape16AutoConfiguration.Part16b(previous);
	}
}
