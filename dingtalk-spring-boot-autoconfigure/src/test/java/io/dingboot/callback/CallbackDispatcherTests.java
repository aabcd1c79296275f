package io.dingboot.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.dingboot.callback.CallbackOutcome.Status;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CallbackDispatcher}.
 */
class CallbackDispatcherTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final List<Object> published = new ArrayList<>();

	private final List<CallbackOutcome> outcomes = new ArrayList<>();

	private final InMemoryCallbackDeduplicator deduplicator = new InMemoryCallbackDeduplicator();

	@Test
	void dispatchPublishesTheMostSpecificEventOnceAndReportsDelivered() {
		CallbackDispatcher dispatcher = dispatcher(this.published::add);
		assertThat(dispatcher.dispatch(json("{\"EventType\":\"org_dept_remove\",\"eventId\":\"e1\",\"deptId\":[3]}"),
				"dingkey", "p1"))
			.isEqualTo(Status.DELIVERED);
		assertThat(this.published).singleElement()
			.isInstanceOfSatisfying(OrgDeptRemoveEvent.class, (event) -> assertThat(event.getDeptIds()).containsExactly(3L));
		assertThat(this.outcomes).containsExactly(new CallbackOutcome(Status.DELIVERED, "org_dept_remove", null));
	}

	@Test
	void dispatchOfTheSameEventIdUnderAnotherPushKeyIsADuplicate() {
		CallbackDispatcher dispatcher = dispatcher(this.published::add);
		JsonNode payload = json("{\"EventType\":\"user_add_org\",\"eventId\":\"e1\",\"userId\":[\"u\"]}");
		dispatcher.dispatch(payload, "dingkey", "p1");
		assertThat(dispatcher.dispatch(payload, "dingkey", "p2")).isEqualTo(Status.DUPLICATE);
		assertThat(this.published).hasSize(1);
		assertThat(this.outcomes).extracting(CallbackOutcome::status).containsExactly(Status.DELIVERED, Status.DUPLICATE);
	}

	@Test
	void urlCheckIsNotPublished() {
		CallbackDispatcher dispatcher = dispatcher(this.published::add);
		assertThat(dispatcher.dispatch(json("{\"EventType\":\"check_url\"}"), "dingkey", "p1"))
			.isEqualTo(Status.URL_CHECK);
		assertThat(dispatcher.dispatch(json("{\"EventType\":\"check_create_suite_url\",\"Random\":\"r\"}"), "k", "p2"))
			.isEqualTo(Status.URL_CHECK);
		assertThat(this.published).isEmpty();
	}

	@Test
	void failingListenerReleasesTheClaimSoThatTheRePushIsDelivered() {
		AtomicInteger calls = new AtomicInteger();
		CallbackDispatcher dispatcher = dispatcher((event) -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("boom");
			}
			this.published.add(event);
		});
		JsonNode payload = json("{\"EventType\":\"org_remove\",\"eventId\":\"e1\"}");
		assertThat(dispatcher.dispatch(payload, "dingkey", "p1")).isEqualTo(Status.LISTENER_FAILED);
		assertThat(dispatcher.dispatch(payload, "dingkey", "p1")).isEqualTo(Status.DELIVERED);
		assertThat(dispatcher.dispatch(payload, "dingkey", "p1")).isEqualTo(Status.DUPLICATE);
		assertThat(this.published).singleElement().isInstanceOf(OrgRemoveEvent.class);
	}

	@Test
	void identicalPushWhileTheFirstIsBeingDeliveredIsInProgressAndNotPublished() {
		JsonNode payload = json("{\"EventType\":\"user_modify_org\",\"eventId\":\"e1\",\"userId\":[\"u\"]}");
		List<Status> nested = new ArrayList<>();
		CallbackDispatcher[] holder = new CallbackDispatcher[1];
		holder[0] = dispatcher((event) -> {
			this.published.add(event);
			nested.add(holder[0].dispatch(payload, "dingkey", "p2"));
		});
		assertThat(holder[0].dispatch(payload, "dingkey", "p1")).isEqualTo(Status.DELIVERED);
		assertThat(nested).containsExactly(Status.IN_PROGRESS);
		assertThat(this.published).hasSize(1);
	}

	@Test
	void eventsWithoutIdAreDedupedByPushKey() {
		CallbackDispatcher dispatcher = dispatcher(this.published::add);
		JsonNode payload = json("{\"EventType\":\"org_change\"}");
		assertThat(dispatcher.dispatch(payload, null, "sig:1:n")).isEqualTo(Status.DELIVERED);
		assertThat(dispatcher.dispatch(payload, null, "sig:1:n")).isEqualTo(Status.DUPLICATE);
		assertThat(dispatcher.dispatch(payload, null, "sig:2:n")).isEqualTo(Status.DELIVERED);
		assertThat(this.published).hasSize(2);
	}

	@Test
	void failingObserverIsIgnored() {
		CallbackDispatcher dispatcher = new CallbackDispatcher(this.published::add, this.deduplicator,
				Duration.ofHours(1), List.of((outcome) -> {
					throw new IllegalStateException("observer");
				}, this.outcomes::add));
		assertThat(dispatcher.dispatch(json("{\"EventType\":\"org_change\"}"), null, "p")).isEqualTo(Status.DELIVERED);
		dispatcher.rejected(CallbackRejection.SIGNATURE_MISMATCH, null);
		assertThat(this.outcomes).containsExactly(new CallbackOutcome(Status.DELIVERED, "org_change", null),
				new CallbackOutcome(Status.REJECTED, null, CallbackRejection.SIGNATURE_MISMATCH));
	}

	@Test
	void payloadWithoutEventTypeIsRefused() {
		CallbackDispatcher dispatcher = dispatcher(this.published::add);
		assertThatIllegalArgumentException().isThrownBy(() -> dispatcher.dispatch(json("{\"a\":1}"), null, "p"));
		assertThatIllegalArgumentException().isThrownBy(() -> dispatcher.dispatch(json("[1]"), null, "p"));
	}

	@Test
	void eventFieldsAreReadInEverySpelling() {
		DingTalkEvent current = new UserAddOrgEvent(this, json("{\"EventType\":\"user_add_org\",\"EventTime\":"
				+ "\"1663143335567\",\"CorpId\":\"dingc\",\"eventId\":\"e\",\"userId\":[\"a\",1]}"), "k");
		assertThat(((UserEvent) current).getUserIds()).containsExactly("a", "1");
		assertThat(current.getEventTime()).hasToString("2022-09-14T08:15:35.567Z");
		UserEvent older = new UserLeaveOrgEvent(this,
				json("{\"EventType\":\"user_leave_org\",\"TimeStamp\":1614767836,\"USERID\":\"solo\"}"), null);
		assertThat(older.getUserIds()).containsExactly("solo");
		assertThat(older.getEventTime()).hasToString("2021-03-03T10:37:16Z");
		assertThat(older.getEventId()).isNull();
		DepartmentEvent dept = new OrgDeptModifyEvent(this,
				json("{\"EventType\":\"org_dept_modify\",\"deptid\":[\"12\",\"x\",13]}"), null);
		assertThat(dept.getDeptIds()).containsExactly(12L, 13L);
		assertThat(dept.toString()).doesNotContain("12");
	}

	@Test
	void eventsOfTheSingleAppAreNamedDefault() {
		CallbackDispatcher dispatcher = dispatcher(this.published::add);
		dispatcher.dispatch(json("{\"EventType\":\"org_change\",\"eventId\":\"e1\"}"), null, "p");
		assertThat(this.published).singleElement()
			.isInstanceOfSatisfying(DingTalkEvent.class, (event) -> assertThat(event.appName()).isEqualTo("default"));
		assertThat(new UserAddOrgEvent(this, json("{\"EventType\":\"user_add_org\"}"), null).appName())
			.isEqualTo("default");
	}

	@Test
	void sameEventIdForTwoAppsIsDeliveredOncePerAppAndReportedWithTheAppsName() {
		CallbackDispatcher dispatcher = dispatcher(this.published::add);
		JsonNode payload = json("{\"EventType\":\"user_add_org\",\"eventId\":\"e1\",\"CorpId\":\"dingc\"}");
		assertThat(dispatcher.dispatch("hr", payload, "dinghr", "p1")).isEqualTo(Status.DELIVERED);
		assertThat(dispatcher.dispatch("oa", payload, "dingoa", "p2")).isEqualTo(Status.DELIVERED);
		assertThat(dispatcher.dispatch("hr", payload, "dinghr", "p3")).isEqualTo(Status.DUPLICATE);
		assertThat(dispatcher.dispatch("oa", payload, "dingoa", "p4")).isEqualTo(Status.DUPLICATE);
		assertThat(this.published).hasSize(2)
			.extracting((event) -> ((DingTalkEvent) event).appName())
			.containsExactly("hr", "oa");
		assertThat(this.outcomes).containsExactly(new CallbackOutcome("hr", Status.DELIVERED, "user_add_org", null),
				new CallbackOutcome("oa", Status.DELIVERED, "user_add_org", null),
				new CallbackOutcome("hr", Status.DUPLICATE, "user_add_org", null),
				new CallbackOutcome("oa", Status.DUPLICATE, "user_add_org", null));
	}

	@Test
	void dedupeKeyNamesTheAppAndNeverAnOwnerKey() {
		DingTalkEvent event = new DingTalkEvent(this, EventHeaders.of("hr",
				json("{\"EventType\":\"org_change\",\"eventId\":\"e1\",\"CorpId\":\"dingc\"}"), "dingsecretish"),
				json("{}"));
		assertThat(CallbackDispatcher.dedupeKey(event, "sig:ts:n")).isEqualTo("hr:event:dingc:e1");
		DingTalkEvent withoutId = new DingTalkEvent(this,
				EventHeaders.of("oa", json("{\"EventType\":\"org_change\"}"), "k"), json("{}"));
		assertThat(CallbackDispatcher.dedupeKey(withoutId, "sig:ts:n")).isEqualTo("oa:push:sig:ts:n");
		assertThat(CallbackDispatcher.dedupeKey(withoutId, null)).isNull();
	}

	@Test
	void eventFromAnotherTransportWithTypeAndIdApartFromItsCamelCasePayloadIsPublishedOncePerApp() {
		CallbackDispatcher dispatcher = dispatcher(this.published::add);
		Map<String, Object> payload = Map.of("userId", List.of("u9"), "eventCorpId", "dingc", "eventBornTime",
				"1683533823336");
		assertThat(dispatcher.dispatch("hr", "user_add_org", "s-1", payload)).isEqualTo(Status.DELIVERED);
		assertThat(dispatcher.dispatch("hr", "user_add_org", "s-1", payload)).isEqualTo(Status.DUPLICATE);
		assertThat(dispatcher.dispatch("oa", "user_add_org", "s-1", payload)).isEqualTo(Status.DELIVERED);
		assertThat(this.published).hasSize(2).first().isInstanceOfSatisfying(UserAddOrgEvent.class, (event) -> {
			assertThat(event.appName()).isEqualTo("hr");
			assertThat(event.getEventType()).isEqualTo("user_add_org");
			assertThat(event.getEventId()).isEqualTo("s-1");
			assertThat(event.getCorpId()).isEqualTo("dingc");
			assertThat(event.getEventTime()).isEqualTo(Instant.ofEpochMilli(1683533823336L));
			assertThat(event.getUserIds()).containsExactly("u9");
			assertThat(event.getOwnerKey()).isNull();
			assertThat(event.getPayload().has("EventType")).isFalse();
		});
	}

	@Test
	void eventFromAnotherTransportWithoutIdIsDeliveredEveryTime() {
		CallbackDispatcher dispatcher = dispatcher(this.published::add);
		assertThat(dispatcher.dispatch("hr", "bpms_task_change", null, Map.of("processInstanceId", "p")))
			.isEqualTo(Status.DELIVERED);
		assertThat(dispatcher.dispatch("hr", "bpms_task_change", null, Map.of("processInstanceId", "p")))
			.isEqualTo(Status.DELIVERED);
		assertThat(this.published).hasSize(2);
	}

	@Test
	void refusalOfAPushForAnUnknownAppIsReportedWithoutAnAppName() {
		CallbackDispatcher dispatcher = dispatcher(this.published::add);
		dispatcher.rejected(null, CallbackRejection.UNKNOWN_APP, null);
		assertThat(this.outcomes)
			.containsExactly(new CallbackOutcome(null, Status.REJECTED, null, CallbackRejection.UNKNOWN_APP));
	}

	private CallbackDispatcher dispatcher(ApplicationEventPublisher publisher) {
		return new CallbackDispatcher(publisher, this.deduplicator, Duration.ofHours(1), List.of(this.outcomes::add));
	}

	private JsonNode json(String json) {
		return this.mapper.readTree(json);
	}

}
