package io.dingboot.test.stream;

import java.util.List;

import io.dingboot.stream.DingTalkStreamClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static io.dingboot.test.stream.StreamTestApplication.KEY;
import static io.dingboot.test.stream.StreamTestApplication.SECRET;
import static io.dingboot.test.stream.StreamTestApplication.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When Stream connections open and close, and what they subscribe to, in an application with no
 * web server.
 */
class StreamLifecycleTests {

	private FakeStreamGateway gateway;

	@BeforeEach
	void startGateway() {
		this.gateway = FakeStreamGateway.start().app(KEY, SECRET);
	}

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void workerWithoutWebServerConnectsOnceWhenStartedAndClosesOnShutdown() {
		GatewayConnection connection;
		try (ConfigurableApplicationContext context = StreamTestApplication.run(this.gateway)) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
			connection = this.gateway.awaitConnection(KEY, WAIT);
			assertThat(this.gateway.openCalls()).hasSize(1);
			OpenConnectionCall call = this.gateway.openCalls().get(0);
			assertThat(call.status()).isEqualTo(200);
			assertThat(call.accept()).isEqualTo("application/json");
			assertThat(call.ua()).startsWith("dingboot-sdk-java/");
			assertThat(call.clientId()).isEqualTo(KEY);
			DingTalkStreamClient client = context.getBean(DingTalkStreamClient.class);
			this.gateway.awaitCondition(() -> client.isConnected("default"), WAIT, "the client to see its connection");
		}
		this.gateway.awaitCondition(() -> !connection.isOpen(), WAIT, "the connection to close");
		assertThat(this.gateway.openCalls()).hasSize(1);
	}

	@Test
	void subscriptionsAreTheTopicsTheApplicationListensTo() {
		try (ConfigurableApplicationContext context = StreamTestApplication.run(this.gateway)) {
			this.gateway.awaitConnection(KEY, WAIT);
			assertThat(this.gateway.openCalls().get(0).subscriptions()).containsExactly(
					new StreamSubscription("EVENT", "*"),
					new StreamSubscription("CALLBACK", FakeStreamGateway.ROBOT_TOPIC));
		}
	}

	@Test
	void cardListenerAloneSubscribesToCardCallbacksOnly() {
		try (ConfigurableApplicationContext context = StreamTestApplication.run(this.gateway,
				new Class<?>[] { CardOnlyApplication.class })) {
			this.gateway.awaitConnection(KEY, WAIT);
			assertThat(this.gateway.openCalls().get(0).subscriptions())
				.containsExactly(new StreamSubscription("CALLBACK", FakeStreamGateway.CARD_TOPIC));
		}
	}

	@Test
	void applicationWithoutStreamPropertyOpensNothing() {
		try (ConfigurableApplicationContext context = StreamTestApplication.run(this.gateway,
				"dingtalk.stream.enabled=false")) {
			assertThat(context.getBeanNamesForType(DingTalkStreamClient.class)).isEmpty();
		}
		assertThat(this.gateway.openCalls()).isEmpty();
		assertThat(this.gateway.allConnections()).isEmpty();
	}

	@Test
	void namedAppsConnectEachWithItsOwnCredentialsAndSwitch() {
		this.gateway.app("hr-key", "hr-secret").app("ops-key", "ops-secret");
		try (ConfigurableApplicationContext context = StreamTestApplication.run(this.gateway,
				"dingtalk.apps.hr.app-key=hr-key", "dingtalk.apps.hr.app-secret=hr-secret",
				"dingtalk.apps.ops.app-key=ops-key", "dingtalk.apps.ops.app-secret=ops-secret",
				"dingtalk.apps.ops.stream.enabled=false")) {
			this.gateway.awaitConnection(KEY, WAIT);
			this.gateway.awaitConnection("hr-key", WAIT);
			DingTalkStreamClient client = context.getBean(DingTalkStreamClient.class);
			assertThat(client.getApps()).extracting("name").containsExactly("default", "hr");
			assertThat(this.gateway.openCalls("ops-key")).isEmpty();
			assertThat(List.of(this.gateway.openCalls(KEY).size(), this.gateway.openCalls("hr-key").size()))
				.containsExactly(1, 1);
		}
	}

	@org.springframework.context.annotation.Import(CardListeners.Accepting.class)
	@org.springframework.boot.autoconfigure.EnableAutoConfiguration
	static class CardOnlyApplication {

	}

}
