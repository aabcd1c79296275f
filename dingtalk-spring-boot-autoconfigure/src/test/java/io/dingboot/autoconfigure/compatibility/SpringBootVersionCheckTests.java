package io.dingboot.autoconfigure.compatibility;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SpringBootVersionCheckTests {

	@ParameterizedTest
	@ValueSource(strings = { "3.5.7", "3.0.0", "2.7.18" })
	void olderSpringBootLineFailsNamingTheRequiredLineAndTheVersionFound(String version) {
		SpringBootVersionCheck check = new SpringBootVersionCheck(() -> version);
		assertThatExceptionOfType(UnsupportedSpringBootVersionException.class)
			.isThrownBy(() -> check.initialize(new GenericApplicationContext()))
			.withMessage("DingBoot needs Spring Boot 4.0 or later, but the application runs on Spring Boot " + version)
			.satisfies((ex) -> assertThat(ex.getFoundVersion()).isEqualTo(version));
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0.0", "4.0.7", "4.1.2", "4.2.0-SNAPSHOT", "5.0.0" })
	void springBoot4OrLaterPasses(String version) {
		SpringBootVersionCheck check = new SpringBootVersionCheck(() -> version);
		assertThatNoException().isThrownBy(() -> check.initialize(new GenericApplicationContext()));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "unknown", ".3" })
	void unreadableVersionPasses(String version) {
		SpringBootVersionCheck check = new SpringBootVersionCheck(() -> version);
		assertThatNoException().isThrownBy(() -> check.initialize(new GenericApplicationContext()));
	}

	@Test
	void checkIsRegisteredAsApplicationContextInitializerAndRunsFirst() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationContextInitializer.class))
			.anyMatch(SpringBootVersionCheck.class::isInstance);
		assertThat(new SpringBootVersionCheck().getOrder()).isEqualTo(Integer.MIN_VALUE);
	}

	@Test
	void applicationOnTheCurrentSpringBootStarts() {
		assertThat(SpringBootVersion.getVersion()).startsWith("4.");
		SpringApplication application = new SpringApplication(EmptyConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run()) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Test
	void failureAnalysisSaysWhatToChange() {
		FailureAnalysis analysis = new UnsupportedSpringBootVersionFailureAnalyzer()
			.analyze(new IllegalStateException("startup", new UnsupportedSpringBootVersionException("3.5.7")));
		assertThat(analysis.getDescription())
			.isEqualTo("DingBoot needs Spring Boot 4.0 or later, but the application runs on Spring Boot 3.5.7.");
		assertThat(analysis.getAction()).startsWith("Upgrade the application to Spring Boot 4.0 or later");
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
