package io.dingboot.http;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link RetrySettings}.
 */
class RetrySettingsTests {

	@Test
	void noneBuildsATransportThatNeverRetries() {
		assertThatNoException().isThrownBy(() -> new DingTalkTransport(RestClient.builder(),
				URI.create("http://127.0.0.1:1"), RetrySettings.none()));
		assertThat(RetrySettings.none().policy((ex) -> true).shouldRetry(new IllegalStateException())).isTrue();
		assertThat(RetrySettings.none().policy((ex) -> true).getBackOff().start().nextBackOff()).isEqualTo(org.springframework.util.backoff.BackOffExecution.STOP);
	}

	@Test
	void boundsAreKeptWhenSet() {
		RetrySettings settings = new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(1));
		assertThat(settings.policy((ex) -> false).shouldRetry(new IllegalStateException())).isFalse();
	}

}
