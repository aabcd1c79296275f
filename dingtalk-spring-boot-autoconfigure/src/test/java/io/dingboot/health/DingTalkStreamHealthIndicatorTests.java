package io.dingboot.health;

import java.util.List;
import java.util.Map;

import io.dingboot.stream.StreamListener.CloseReason;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DingTalkStreamHealthIndicator}.
 */
class DingTalkStreamHealthIndicatorTests {

	private final DingTalkStreamHealthIndicator indicator = new DingTalkStreamHealthIndicator(
			() -> List.of("default", "crm"));

	@Test
	void oneConnectedAppAndOneNotYetConnectedIsUp() {
		this.indicator.connectionOpened("default");
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(app("default").getDetails()).containsEntry("state", "connected");
		assertThat(app("crm").getStatus()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void droppedConnectionIsReconnectingAndUnknown() {
		this.indicator.connectionOpened("crm");
		this.indicator.connectionClosed("crm", CloseReason.DROPPED);
		assertThat(app("crm").getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(app("crm").getDetails()).containsEntry("state", "reconnecting").containsEntry("reason", "dropped");
	}

	@Test
	void failedConnectMakesTheIndicatorDownWithTheErrorClassUntilConnected() {
		this.indicator.connectionOpened("default");
		this.indicator.connectFailed("crm", "ConnectException");
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(app("crm").getDetails()).containsEntry("state", "failing")
			.containsEntry("reason", "connect_failed")
			.containsEntry("error", "ConnectException");
		this.indicator.connectionOpened("crm");
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void refusedCredentialsNameTheProperty() {
		this.indicator.authFailed("crm", "dingtalk.apps.crm.app-secret");
		assertThat(app("crm").getStatus()).isEqualTo(Status.DOWN);
		assertThat(app("crm").getDetails()).containsEntry("reason", "auth_failed")
			.containsEntry("property", "dingtalk.apps.crm.app-secret");
	}

	@Test
	void stoppedConnectionIsOutOfService() {
		this.indicator.connectionOpened("default");
		this.indicator.connectionOpened("crm");
		this.indicator.connectionClosed("crm", CloseReason.STOPPED);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void noAppIsUnknown() {
		assertThat(new DingTalkStreamHealthIndicator(List::of).health().getStatus()).isEqualTo(Status.UNKNOWN);
	}

	@SuppressWarnings("unchecked")
	private Health app(String name) {
		return ((Map<String, Health>) this.indicator.health().getDetails().get("apps")).get(name);
	}

}
