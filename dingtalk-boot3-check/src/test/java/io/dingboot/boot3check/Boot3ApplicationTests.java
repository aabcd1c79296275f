package io.dingboot.boot3check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

@ExtendWith(OutputCaptureExtension.class)
class Boot3ApplicationTests {

	@Test
	void applicationRunsOnSpringBoot3() {
		assertThat(SpringBootVersion.getVersion()).isEqualTo("3.5.7");
	}

	@Test
	void startupFailsSayingDingBootNeedsSpringBoot4AndWhichVersionWasFound(CapturedOutput output) {
		assertThatRuntimeException().isThrownBy(() -> Boot3Application.main(new String[0]))
			.withMessage("DingBoot needs Spring Boot 4.0 or later, but the application runs on Spring Boot 3.5.7")
			.satisfies((ex) -> assertThat(ex.getClass().getName())
				.isEqualTo("io.dingboot.autoconfigure.compatibility.UnsupportedSpringBootVersionException"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("DingBoot needs Spring Boot 4.0 or later, but the application runs on Spring Boot 3.5.7.")
			.contains("Upgrade the application to Spring Boot 4.0 or later")
			.doesNotContain("jsonComponentModule");
	}

}
