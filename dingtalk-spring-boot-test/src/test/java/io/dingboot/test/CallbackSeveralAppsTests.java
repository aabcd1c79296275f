package io.dingboot.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dingboot.callback.DingTalkEvent;
import io.dingboot.callback.UserAddOrgEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link FakeDingTalk#pushEvent(String, String, Map)}: events pushed for each app of an
 * application with several apps, each with that app's own callback settings.
 */
@SpringBootTest(classes = CallbackSeveralAppsTests.CallbackApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.callback.enabled=true", "dingtalk.callback.token=defaultT0ken",
				"dingtalk.callback.aes-key=4g5j64qlyl3zvetqxz5jiocdr586fn2zvjpa8zls3ij",
				"dingtalk.apps.hr.app-key=dinghrkey", "dingtalk.apps.hr.app-secret=hr-secret",
				"dingtalk.apps.hr.corp-id=dinghrcorp", "dingtalk.apps.hr.callback.token=hrT0ken",
				"dingtalk.apps.hr.callback.aes-key=Hr7kP2mZ9vB4nL6wR1tY8uI3oA5sD0fG2hJ4kL6zX8c",
				"dingtalk.apps.oa.app-key=dingoakey", "dingtalk.apps.oa.app-secret=oa-secret",
				"dingtalk.apps.oa.callback.token=oaT0ken",
				"dingtalk.apps.oa.callback.aes-key=Oa7kP2mZ9vB4nL6wR1tY8uI3oA5sD0fG2hJ4kL6zX8c",
				"dingtalk.apps.oa.callback.owner-key=suiteoa",
				"dingtalk.apps.robot.app-key=dingrobotkey", "dingtalk.apps.robot.app-secret=robot-secret" })
@AutoConfigureFakeDingTalk
class CallbackSeveralAppsTests {

	@Autowired
	FakeDingTalk fake;

	@Autowired
	Listeners listeners;

	@BeforeEach
	void reset() {
		this.listeners.all.clear();
	}

	@Test
	void pushForANamedAppReachesListenersAsAnEventOfThatApp() {
		CallbackPushResult hr = this.fake.pushEvent("hr", "user_add_org", Map.of("userId", List.of("zhangsan")));
		CallbackPushResult oa = this.fake.pushEvent("oa", FakeEvent.orgDeptCreate(42));
		assertThat(hr.status()).isEqualTo(200);
		assertThat(hr.isSuccess()).isTrue();
		assertThat(oa.isSuccess()).isTrue();
		assertThat(this.listeners.all).hasSize(2);
		assertThat(this.listeners.all.get(0)).isInstanceOfSatisfying(UserAddOrgEvent.class, (event) -> {
			assertThat(event.appName()).isEqualTo("hr");
			assertThat(event.getUserIds()).containsExactly("zhangsan");
			assertThat(event.getCorpId()).isEqualTo(this.fake.app("hr").corpId());
			assertThat(event.getOwnerKey()).isEqualTo(this.fake.app("hr").appKey());
		});
		assertThat(this.listeners.all.get(1).appName()).isEqualTo("oa");
		assertThat(this.listeners.all.get(1).getOwnerKey()).isEqualTo("suiteoa");
	}

	@Test
	void pushForTheDefaultAppStillUsesTheTopLevelSettings() {
		assertThat(this.fake.pushEvent("user_add_org", Map.of("userId", List.of("lisi"))).isSuccess()).isTrue();
		assertThat(this.fake.pushEvent("default", FakeEvent.userAddOrg("wangwu")).isSuccess()).isTrue();
		assertThat(this.listeners.all).extracting(DingTalkEvent::appName).containsExactly("default", "default");
	}

	@Test
	void sameEventIdPushedForTwoAppsIsDeliveredOncePerApp() {
		FakeEvent event = FakeEvent.userAddOrg("zhaoliu").with("eventId", "same-id").with("CorpId", "dingcorp");
		for (int i = 0; i < 2; i++) {
			assertThat(this.fake.pushEvent("hr", event).isSuccess()).isTrue();
			assertThat(this.fake.pushEvent("oa", event).isSuccess()).isTrue();
		}
		assertThat(this.listeners.all).extracting(DingTalkEvent::appName).containsExactly("hr", "oa");
	}

	@Test
	void pushForAnAppWithoutCallbackSettingsFailsNamingTheProperty() {
		assertThatIllegalStateException().isThrownBy(() -> this.fake.pushEvent("robot", FakeEvent.orgChange()))
			.withMessageContaining("dingtalk.apps.robot.callback.token");
		assertThatIllegalStateException().isThrownBy(() -> this.fake.pushEvent("nosuch", FakeEvent.orgChange()))
			.withMessageContaining("nosuch");
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

		@EventListener
		void onEvent(DingTalkEvent event) {
			this.all.add(event);
		}

	}

}
