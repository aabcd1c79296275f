package io.dingboot.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.dingboot.callback.DingTalkEvent;
import io.dingboot.callback.OrgDeptCreateEvent;
import io.dingboot.callback.UserAddOrgEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event callbacks end to end: FakeDingTalk pushes encrypted, signed events to the starter's
 * callback endpoint in a real servlet container, and the application's listeners get typed events.
 */
@SpringBootTest(classes = CallbackEndToEndTests.CallbackApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.callback.enabled=true", "dingtalk.callback.token=" + CallbackEndToEndTests.TOKEN,
				"dingtalk.callback.aes-key=" + CallbackEndToEndTests.AES_KEY })
@AutoConfigureFakeDingTalk
class CallbackEndToEndTests {

	static final String TOKEN = "cbToken42";

	static final String AES_KEY = "4g5j64qlyl3zvetqxz5jiocdr586fn2zvjpa8zls3ij";

	@Autowired
	FakeDingTalk fake;

	@Autowired
	Listeners listeners;

	@LocalServerPort
	int port;

	@BeforeEach
	void reset() {
		this.listeners.reset();
	}

	private CallbackPushResult push(String eventJson) {
		return this.fake.pushEvent("http://127.0.0.1:" + this.port + "/dingtalk/callback", TOKEN, AES_KEY,
				this.fake.organization().app().appKey(), eventJson);
	}

	@Test
	void pushedContactEventsReachListenersAsTypedEvents() {
		CallbackPushResult users = push(
				"{\"EventType\":\"user_add_org\",\"eventId\":\"e2e-1\",\"CorpId\":\"dingdemocorp\",\"userId\":[\"u1\",\"u2\"]}");
		CallbackPushResult departments = push(
				"{\"EventType\":\"org_dept_create\",\"eventId\":\"e2e-2\",\"CorpId\":\"dingdemocorp\",\"DeptId\":[42]}");
		assertThat(users.isSuccess()).isTrue();
		assertThat(departments.isSuccess()).isTrue();
		assertThat(this.listeners.usersAdded).singleElement()
			.satisfies((event) -> assertThat(event.getUserIds()).containsExactly("u1", "u2"));
		assertThat(this.listeners.departmentsCreated).singleElement()
			.satisfies((event) -> assertThat(event.getDeptIds()).containsExactly(42L));
		assertThat(this.listeners.all).hasSize(2);
	}

	@Test
	void urlCheckIsAnsweredWithoutPublishing() {
		assertThat(push("{\"EventType\":\"check_url\"}").isSuccess()).isTrue();
		assertThat(this.listeners.all).isEmpty();
	}

	@Test
	void failingListenerGetsNonSuccessAndTheRepushIsDeliveredOnce() {
		this.listeners.failures.set(1);
		String event = "{\"EventType\":\"user_leave_org\",\"eventId\":\"e2e-3\",\"CorpId\":\"dingdemocorp\",\"userId\":[\"u3\"]}";
		CallbackPushResult first = push(event);
		assertThat(first.isSuccess()).isFalse();
		assertThat(first.status()).isEqualTo(503);
		CallbackPushResult repush = push(event);
		assertThat(repush.isSuccess()).isTrue();
		CallbackPushResult again = push(event);
		assertThat(again.isSuccess()).isTrue();
		assertThat(this.listeners.all).hasSize(2);
		assertThat(this.listeners.delivered).hasValue(1);
	}

	@Test
	void duplicatePushIsAcknowledgedButNotDeliveredTwice() {
		String event = "{\"EventType\":\"user_add_org\",\"eventId\":\"e2e-4\",\"CorpId\":\"dingdemocorp\",\"userId\":[\"u4\"]}";
		assertThat(push(event).isSuccess()).isTrue();
		assertThat(push(event).isSuccess()).isTrue();
		assertThat(this.listeners.usersAdded).hasSize(1);
	}

	@Test
	void pushWithAnotherAesKeyIsRefusedAndNothingPublished() {
		CallbackPushResult result = this.fake.pushEvent("http://127.0.0.1:" + this.port + "/dingtalk/callback", TOKEN,
				"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", this.fake.organization().app().appKey(),
				"{\"EventType\":\"user_add_org\",\"eventId\":\"e2e-5\",\"userId\":[\"u5\"]}");
		assertThat(result.status()).isBetween(400, 499);
		assertThat(this.listeners.all).isEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class CallbackApplication {

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

	}

	static class Listeners {

		final List<DingTalkEvent> all = new CopyOnWriteArrayList<>();

		final List<UserAddOrgEvent> usersAdded = new CopyOnWriteArrayList<>();

		final List<OrgDeptCreateEvent> departmentsCreated = new CopyOnWriteArrayList<>();

		final AtomicInteger failures = new AtomicInteger();

		final AtomicInteger delivered = new AtomicInteger();

		void reset() {
			this.all.clear();
			this.usersAdded.clear();
			this.departmentsCreated.clear();
			this.failures.set(0);
			this.delivered.set(0);
		}

		@EventListener
		void onEvent(DingTalkEvent event) {
			this.all.add(event);
			if (this.failures.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				throw new IllegalStateException("listener failed on purpose");
			}
			if (event.getEventType().equals("user_leave_org")) {
				this.delivered.incrementAndGet();
			}
		}

		@EventListener
		void onUserAdded(UserAddOrgEvent event) {
			this.usersAdded.add(event);
		}

		@EventListener
		void onDepartmentCreated(OrgDeptCreateEvent event) {
			this.departmentsCreated.add(event);
		}

	}

}
