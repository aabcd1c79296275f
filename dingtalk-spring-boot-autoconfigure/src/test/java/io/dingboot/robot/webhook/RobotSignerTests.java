package io.dingboot.robot.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign (加签) against the reference's test vector TV1.
 */
class RobotSignerTests {

	@Test
	void signOfOfficialExampleSecretMatchesReferenceVector() {
		assertThat(RobotSigner.sign("this is secret", 1577262236757L))
			.isEqualTo("hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=");
	}

	@Test
	void signDependsOnTimestamp() {
		assertThat(RobotSigner.sign("this is secret", 1577262236758L))
			.isNotEqualTo(RobotSigner.sign("this is secret", 1577262236757L));
	}

	@Test
	void signIsStandardBase64WithPaddingNeverUrlEncoded() {
		String sign = RobotSigner.sign("SECabc", 1L);
		assertThat(sign).hasSize(44).endsWith("=").doesNotContain("%");
		assertThat(URLDecoder.decode(sign.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(sign);
	}

}
