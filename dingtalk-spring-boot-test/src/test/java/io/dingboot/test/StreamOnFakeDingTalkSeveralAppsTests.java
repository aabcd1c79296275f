package io.dingboot.test;

import java.time.Duration;

import io.dingboot.callback.DingTalkEvent;
import io.dingboot.test.stream.FakeStreamGateway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Two apps in Stream mode, named only ({@code dingtalk.apps.<name>.stream.enabled}, no top-level
 * switch): the fake starts its gateway for them, each app opens one connection with its own
 * credentials, and a push for one app reaches the application as that app's event.
 */
@SpringBootTest(classes = StreamOnFakeDingTalkTests.Worker.class,
		webEnvironment = WebEnvironment.NONE,
		properties = { "dingtalk.apps.hr.agent-id=1", "dingtalk.apps.hr.stream.enabled=true",
				"dingtalk.apps.oa.agent-id=2", "dingtalk.apps.oa.stream.enabled=true",
				"dingtalk.stream.connect-timeout=30s" })
@AutoConfigureFakeDingTalk
class StreamOnFakeDingTalkSeveralAppsTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	FakeDingTalk fake;

	@Autowired
	StreamOnFakeDingTalkTests.Events events;

	@Test
	void eachAppConnectsOnceAndItsPushReachesTheApplicationUnderItsName() {
		FakeStreamGateway gateway = this.fake.stream();
		gateway.awaitConnection("hr", WAIT);
		gateway.awaitConnection("oa", WAIT);
		assertThat(gateway.pushEvent("oa", "org_dept_create", "oa-ev-1", "{\"deptId\":[7]}")
			.awaitCompletion(WAIT)
			.status()).isEqualTo("SUCCESS");
		assertThat(gateway.pushEvent("hr", "org_dept_create", "hr-ev-1", "{\"deptId\":[8]}")
			.awaitCompletion(WAIT)
			.status()).isEqualTo("SUCCESS");
		assertThat(this.events.received)
			.extracting(DingTalkEvent::appName, DingTalkEvent::getEventId, DingTalkEvent::getCorpId)
			.containsExactly(tuple("oa", "oa-ev-1", "dingdemocorp"), tuple("hr", "hr-ev-1", "dingdemocorp"));
		assertThat(gateway.openCalls("hr")).singleElement()
			.satisfies((call) -> assertThat(call.clientId()).isEqualTo("dinghrappkey"));
		assertThat(gateway.openCalls("oa")).singleElement()
			.satisfies((call) -> assertThat(call.clientId()).isEqualTo("dingoaappkey"));
		assertThat(gateway.openCalls()).hasSize(2);
	}

	@Test
	void appAddedToTheFakeLaterIsAcceptedByItsGateway() {
		this.fake.addApp("late", FakeApp.of("dinglateappkey", "late-secret", "dingdemocorp", 900001L));
		assertThat(this.fake.stream().clientId("late")).isEqualTo("dinglateappkey");
	}

}
