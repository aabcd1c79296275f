package io.dingboot.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dingboot.callback.DingTalkEvent;
import io.dingboot.callback.UserAddOrgEvent;
import io.dingboot.http.DingTalkApiClient;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.test.stream.FakeStreamGateway;
import io.dingboot.test.stream.StreamAck;
import io.dingboot.test.stream.StreamPush;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker application in Stream mode whose only DingTalk is the {@link FakeDingTalk} of
 * {@link AutoConfigureFakeDingTalk}: it connects to the fake's gateway through
 * {@code dingtalk.api-base-url}, and its v1.0 calls still reach the fake. (A generous
 * {@code connect-timeout} keeps the one-open-call counts exact on a loaded build machine.)
 */
@SpringBootTest(classes = StreamOnFakeDingTalkTests.Worker.class, webEnvironment = WebEnvironment.NONE,
		properties = { "dingtalk.stream.enabled=true", "dingtalk.stream.connect-timeout=30s" })
@AutoConfigureFakeDingTalk
class StreamOnFakeDingTalkTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	FakeDingTalk fake;

	@Autowired
	Events events;

	@Autowired
	DingTalkApiClient apiClient;

	@Test
	void eventPushedThroughTheFakesGatewayReachesTheListenerAndIsAckedSuccess() {
		FakeStreamGateway gateway = this.fake.stream();
		gateway.awaitConnection(FakeDingTalk.DEFAULT_APP, WAIT);
		StreamPush push = gateway.pushEvent(FakeDingTalk.DEFAULT_APP, "user_add_org", "fake-ev-1",
				"{\"userId\":[\"zhangsan\"]}");
		StreamAck ack = push.awaitCompletion(WAIT);
		assertThat(ack.code()).isEqualTo(200);
		assertThat(ack.status()).isEqualTo("SUCCESS");
		assertThat(this.events.received).singleElement().isInstanceOfSatisfying(UserAddOrgEvent.class, (event) -> {
			assertThat(event.appName()).isEqualTo("default");
			assertThat(event.getEventId()).isEqualTo("fake-ev-1");
			assertThat(event.getUserIds()).containsExactly("zhangsan");
		});
		assertThat(gateway.openCalls()).singleElement().satisfies((call) -> {
			assertThat(call.clientId()).isEqualTo(this.fake.app("default").appKey());
			assertThat(call.status()).isEqualTo(200);
		});
	}

	@Test
	void gatewayIsStartedOnceAndKnowsTheAppByNameAndKey() {
		assertThat(this.fake.stream()).isSameAs(this.fake.stream());
		assertThat(this.fake.stream().clientId("default")).isEqualTo("dingdemoappkey");
		this.fake.stream().awaitConnection("dingdemoappkey", WAIT);
		assertThat(this.fake.stream().connections("default")).hasSize(1);
	}

	@Test
	void v1CallsOnTheSameApiBaseUrlStillReachTheFake() {
		this.fake.stream().awaitConnection("default", WAIT);
		this.fake.stub("GET", "/v1.0/contact/users/me").answer(Map.of("nick", "张三"));
		assertThat(this.apiClient.execute(DingTalkRequest.get("/v1.0/contact/users/me").build()).path("nick").asString())
			.isEqualTo("张三");
		assertThat(this.fake.stubbedCalls("/v1.0/contact/users/me")).hasSize(1);
		assertThat(this.fake.stream().openCalls()).hasSize(1);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Events.class)
	static class Worker {

	}

	static class Events {

		final List<DingTalkEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(DingTalkEvent event) {
			this.received.add(event);
		}

	}

}
