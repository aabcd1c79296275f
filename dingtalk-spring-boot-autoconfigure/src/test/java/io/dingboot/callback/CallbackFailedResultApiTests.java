package io.dingboot.callback;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dingboot.DingTalkApiException;
import io.dingboot.apps.UnknownDingTalkAppException;
import io.dingboot.autoconfigure.DingTalkAppsAutoConfiguration;
import io.dingboot.autoconfigure.DingTalkAutoConfiguration;
import io.dingboot.autoconfigure.DingTalkCallbackAutoConfiguration;
import io.dingboot.autoconfigure.DingTalkCallbackFailedResultAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link CallbackFailedResultApi} against WireMock standing in for DingTalk.
 */
class CallbackFailedResultApiTests {

	private static final String PATH = "/call_back/get_call_back_failed_result";

	private static final String PAGE_1 = """
			{"errcode":0,"errmsg":"ok","has_more":true,"failed_list":[
			 {"event_time":1439350604000,"call_back_tag":"user_add_org",
			  "user_add_org":{"corpid":"dingcorp","userid":["u1","u2"]}},
			 {"event_time":1439350605000,"call_back_tag":"org_dept_create",
			  "org_dept_create":{"corpid":"dingcorp","deptid":[11,12]}}]}""";

	private static final String PAGE_2 = """
			{"errcode":0,"errmsg":"ok","has_more":false,"failed_list":[
			 {"event_time":1439350604000,"call_back_tag":"user_add_org",
			  "user_add_org":{"corpid":"dingcorp","userid":["u1","u2"]}},
			 {"event_time":1439350606000,"call_back_tag":"bpms_task_change",
			  "bpms_task_change":{"corpid":"dingcorp","processInstanceId":"p1"}}]}""";

	private static WireMockServer wireMock;

	private ApplicationContextRunner runner;

	@BeforeAll
	static void startWireMock() {
		wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		wireMock.start();
	}

	@AfterAll
	static void stopWireMock() {
		wireMock.stop();
	}

	@BeforeEach
	void setUp() {
		wireMock.resetAll();
		wireMock.stubFor(get(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("dingappkey"))
			.willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"TOKEN1\",\"expires_in\":7200}")));
		this.runner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkCallbackAutoConfiguration.class,
							DingTalkCallbackFailedResultAutoConfiguration.class))
			.withUserConfiguration(Listeners.class)
			.withPropertyValues("dingtalk.base-url=http://127.0.0.1:" + wireMock.port(), "dingtalk.app-key=dingappkey",
					"dingtalk.app-secret=dummy-secret", "dingtalk.callback.enabled=true",
					"dingtalk.callback.token=t0ken",
					"dingtalk.callback.aes-key=abcdefghijABCDEFGHIJ0123456789abcdefghijABC",
					"dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.max-backoff=50ms");
	}

	@Test
	void fetchReadsTheFailedListWithTagNamedData() {
		wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(json(PAGE_1)));
		this.runner.run((context) -> {
			FailedCallbacks page = context.getBean(CallbackFailedResultApi.class).fetch();
			assertThat(page.hasMore()).isTrue();
			assertThat(page.failedList()).hasSize(2);
			FailedCallback first = page.failedList().get(0);
			assertThat(first.callBackTag()).isEqualTo("user_add_org");
			assertThat(first.eventTime()).isEqualTo(Instant.ofEpochMilli(1439350604000L));
			assertThat(first.data().get("corpid").stringValue()).isEqualTo("dingcorp");
			assertThat(first.raw().get("call_back_tag").stringValue()).isEqualTo("user_add_org");
			assertThat(first.toEventPayload().get("EventType").stringValue()).isEqualTo("user_add_org");
			wireMock.verify(exactly(1),
					getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("access_token", equalTo("TOKEN1")));
		});
	}

	@Test
	void withoutCallbacksEnabledFetchWorksAndReplayingRefusesBeforeFetching() {
		wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(json(PAGE_1)));
		this.runner.withPropertyValues("dingtalk.callback.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(CallbackDispatcher.class);
			CallbackFailedResultApi api = context.getBean(CallbackFailedResultApi.class);
			assertThatIllegalStateException().isThrownBy(api::replayFailed)
				.withMessageContaining("dingtalk.callback.enabled=true");
			wireMock.verify(exactly(0), getRequestedFor(urlPathEqualTo(PATH)));
			assertThat(api.fetch().failedList()).hasSize(2);
			wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo(PATH)));
			assertThat(context.getBean(Listeners.class).all).isEmpty();
		});
	}

	@Test
	void replayFailedFetchesEveryPageAndDeliversEachPushOnceThroughTheListeners() {
		wireMock.stubFor(get(urlPathEqualTo(PATH)).inScenario("pages")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(PAGE_1))
			.willSetStateTo("second"));
		wireMock.stubFor(get(urlPathEqualTo(PATH)).inScenario("pages").whenScenarioStateIs("second")
			.willReturn(json(PAGE_2)));
		this.runner.run((context) -> {
			ReplayResult result = context.getBean(CallbackFailedResultApi.class).replayFailed();
			assertThat(result.delivered()).isEqualTo(3);
			assertThat(result.duplicates()).isEqualTo(1);
			assertThat(result.failed()).isEmpty();
			assertThat(result.hasMore()).isFalse();
			Listeners listeners = context.getBean(Listeners.class);
			assertThat(listeners.users).singleElement().satisfies((event) -> {
				assertThat(event).isInstanceOf(UserAddOrgEvent.class);
				assertThat(event.getUserIds()).containsExactly("u1", "u2");
				assertThat(event.getCorpId()).isEqualTo("dingcorp");
				assertThat(event.getEventTime()).isEqualTo(Instant.ofEpochMilli(1439350604000L));
			});
			assertThat(listeners.departments).singleElement()
				.satisfies((event) -> assertThat(event.getDeptIds()).containsExactly(11L, 12L));
			assertThat(listeners.all).hasSize(3);
			wireMock.verify(exactly(2), getRequestedFor(urlPathEqualTo(PATH)));
			wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo("/gettoken")));
		});
	}

	@Test
	void replayHandsBackThePushesWhoseListenerFailed() {
		wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(json(PAGE_2)));
		this.runner.withPropertyValues("test.fail-type=bpms_task_change").run((context) -> {
			ReplayResult result = context.getBean(CallbackFailedResultApi.class).replayFailed();
			assertThat(result.delivered()).isEqualTo(1);
			assertThat(result.failed()).singleElement()
				.satisfies((failed) -> assertThat(failed.callBackTag()).isEqualTo("bpms_task_change"));
		});
	}

	@Test
	void eachAppReplaysItsOwnFailedPushesWithItsOwnTokenAsEventsOfThatApp() {
		wireMock.stubFor(get(urlPathEqualTo("/gettoken")).withQueryParam("appkey", equalTo("dinghrkey"))
			.willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"TOKENHR\",\"expires_in\":7200}")));
		wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(json(PAGE_2)));
		this.runner
			.withConfiguration(AutoConfigurations.of(DingTalkAppsAutoConfiguration.class))
			.withPropertyValues("dingtalk.apps.hr.app-key=dinghrkey", "dingtalk.apps.hr.app-secret=hr-secret")
			.run((context) -> {
				CallbackFailedResultApis apis = context.getBean(CallbackFailedResultApis.class);
				ReplayResult hr = apis.forApp("hr").replayFailed();
				assertThat(hr.delivered()).isEqualTo(2);
				wireMock.verify(exactly(1),
						getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("access_token", equalTo("TOKENHR")));
				wireMock.verify(exactly(0),
						getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("access_token", equalTo("TOKEN1")));
				ReplayResult again = apis.forApp("hr").replayFailed();
				assertThat(again.delivered()).isZero();
				assertThat(again.duplicates()).isEqualTo(2);
				ReplayResult defaultApp = context.getBean(CallbackFailedResultApi.class).replayFailed();
				assertThat(defaultApp.delivered()).isEqualTo(2);
				wireMock.verify(exactly(1),
						getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("access_token", equalTo("TOKEN1")));
				assertThat(context.getBean(Listeners.class).all).extracting(DingTalkEvent::appName)
					.containsExactly("hr", "hr", "default", "default");
				assertThat(apis.forApp("default").appName()).isEqualTo("default");
				assertThatExceptionOfType(UnknownDingTalkAppException.class).isThrownBy(() -> apis.forApp("nosuch"))
					.withMessageContaining("hr");
			});
	}

	@Test
	void fetchThatTimedOutIsNotRetriedSinceDingTalkClearsTheListItReturns() {
		wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(json(PAGE_1).withFixedDelay(1000)));
		this.runner.withPropertyValues("dingtalk.http.read-timeout=200ms").run((context) -> {
			assertThatExceptionOfType(DingTalkApiException.class)
				.isThrownBy(() -> context.getBean(CallbackFailedResultApi.class).fetch());
			wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo(PATH)));
		});
	}

	@Test
	void errcodeAnswerIsAnApiException() {
		wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(json("{\"errcode\":60011,\"errmsg\":\"no permission\"}")));
		this.runner.run((context) -> assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> context.getBean(CallbackFailedResultApi.class).fetch())
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(60011)));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

	@Configuration(proxyBeanMethods = false)
	static class Listeners {

		final List<DingTalkEvent> all = new CopyOnWriteArrayList<>();

		final List<UserEvent> users = new CopyOnWriteArrayList<>();

		final List<DepartmentEvent> departments = new CopyOnWriteArrayList<>();

		@org.springframework.beans.factory.annotation.Value("${test.fail-type:}")
		String failType;

		@EventListener
		void onAny(DingTalkEvent event) {
			if (event.getEventType().equals(this.failType)) {
				throw new IllegalStateException("failing on purpose");
			}
			this.all.add(event);
		}

		@EventListener
		void onUser(UserEvent event) {
			this.users.add(event);
		}

		@EventListener
		void onDepartment(DepartmentEvent event) {
			this.departments.add(event);
		}

	}

}
