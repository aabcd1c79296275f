package io.dingboot.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.dingboot.callback.DepartmentEvent;
import io.dingboot.callback.DingTalkEvent;
import io.dingboot.callback.OrgAdminAddEvent;
import io.dingboot.callback.OrgAdminRemoveEvent;
import io.dingboot.callback.OrgChangeEvent;
import io.dingboot.callback.OrgDeptCreateEvent;
import io.dingboot.callback.OrgDeptModifyEvent;
import io.dingboot.callback.OrgDeptRemoveEvent;
import io.dingboot.callback.OrgRemoveEvent;
import io.dingboot.callback.UserActiveOrgEvent;
import io.dingboot.callback.UserAddOrgEvent;
import io.dingboot.callback.UserEvent;
import io.dingboot.callback.UserLeaveOrgEvent;
import io.dingboot.callback.UserModifyOrgEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.callback.enabled=true", "dingtalk.callback.token=mytoken",
				"dingtalk.callback.aes-key=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" })
@AutoConfigureFakeDingTalk
class CallbackExampleTests {

	@Autowired
	FakeDingTalk fake;

	@Autowired
	ReceivedEvents received;

	@LocalServerPort
	int port;

	@BeforeEach
	void clear() {
		this.received.events.clear();
	}

	@Test
	void newMemberIsPushedWithTheApplicationsOwnSettings() {
		CallbackPushResult result = this.fake.pushEvent("user_add_org", Map.of("UserId", List.of("zhangsan")));
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.reply()).isEqualTo("success");
		assertThat(this.received.events).singleElement().isInstanceOfSatisfying(UserAddOrgEvent.class, (event) -> {
			assertThat(event.getUserIds()).containsExactly("zhangsan");
			assertThat(event.getCorpId()).isEqualTo("dingdemocorp");
			assertThat(event.getOwnerKey()).isEqualTo("dingdemoappkey");
			assertThat(event.getEventId()).hasSize(32);
		});
	}

	@Test
	void samePushTwiceIsAcknowledgedTwiceAndDeliveredOnce() {
		FakeEvent event = FakeEvent.userLeaveOrg("lisi").with("eventId", "leave-lisi-1");
		assertThat(this.fake.pushEvent(event).isSuccess()).isTrue();
		assertThat(this.fake.pushEvent(event).isSuccess()).isTrue();
		assertThat(this.received.events).singleElement().isInstanceOf(UserLeaveOrgEvent.class);
	}

	@Test
	void eventWithoutAClassOfItsOwnArrivesAsDingTalkEvent() {
		this.fake.pushEvent(FakeEvent.of("bpms_instance_change",
				Map.of("processInstanceId", "proc-1", "type", "finish", "result", "agree")));
		assertThat(this.received.events).singleElement().satisfies((event) -> {
			assertThat(event.getClass()).isEqualTo(DingTalkEvent.class);
			assertThat(event.getEventType()).isEqualTo("bpms_instance_change");
			assertThat(event.getPayload().path("result").asString()).isEqualTo("agree");
		});
	}

	@Test
	void pushWithAnotherAesKeyIsRefusedWith400AndNothingIsPublished() {
		CallbackPushResult result = this.fake.pushEvent("http://127.0.0.1:" + this.port + "/dingtalk/callback", "mytoken", "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg", "dingdemoappkey",
				"{\"EventType\":\"user_add_org\",\"userId\":[\"zhangsan\"]}");
		assertThat(result.status()).isEqualTo(400);
		assertThat(result.reply()).isNull();
		assertThat(this.received.events).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyEventClass")
	void everyEventTypeArrivesAsItsClass(FakeEvent event, Class<? extends DingTalkEvent> type) {
		assertThat(this.fake.pushEvent(event).isSuccess()).isTrue();
		assertThat(this.received.events).singleElement().satisfies((received) -> {
			assertThat(received.getClass()).isEqualTo(type);
			assertThat(received.getEventType()).isEqualTo(event.type());
			if (received instanceof UserEvent users) {
				assertThat(users.getUserIds()).containsExactly("zhangsan");
			}
			if (received instanceof DepartmentEvent departments) {
				assertThat(departments.getDeptIds()).containsExactly(2L);
			}
		});
	}

	static Stream<Arguments> everyEventClass() {
		return Stream.of(Arguments.of(FakeEvent.userAddOrg("zhangsan"), UserAddOrgEvent.class),
				Arguments.of(FakeEvent.userModifyOrg("zhangsan"), UserModifyOrgEvent.class),
				Arguments.of(FakeEvent.userLeaveOrg("zhangsan"), UserLeaveOrgEvent.class),
				Arguments.of(FakeEvent.userActiveOrg("zhangsan"), UserActiveOrgEvent.class),
				Arguments.of(FakeEvent.orgAdminAdd("zhangsan"), OrgAdminAddEvent.class),
				Arguments.of(FakeEvent.orgAdminRemove("zhangsan"), OrgAdminRemoveEvent.class),
				Arguments.of(FakeEvent.orgDeptCreate(2), OrgDeptCreateEvent.class),
				Arguments.of(FakeEvent.orgDeptModify(2), OrgDeptModifyEvent.class),
				Arguments.of(FakeEvent.orgDeptRemove(2), OrgDeptRemoveEvent.class),
				Arguments.of(FakeEvent.orgRemove(), OrgRemoveEvent.class),
				Arguments.of(FakeEvent.orgChange(), OrgChangeEvent.class));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Listeners {

		@Bean
		ReceivedEvents receivedEvents() {
			return new ReceivedEvents();
		}

	}

	/**
	 * The application's listener: here it only keeps what it receives.
	 */
	static class ReceivedEvents {

		final List<DingTalkEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(DingTalkEvent event) {
			this.events.add(event);
		}

	}

}
