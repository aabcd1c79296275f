package io.dingboot.sample.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.dingboot.autoconfigure.DingTalkProperties;
import io.dingboot.sample.ErrorAnswer;
import io.dingboot.test.FakeDepartment;
import io.dingboot.test.FakeDingTalk;
import io.dingboot.test.FakeOrganization;
import io.dingboot.test.FakeUser;
import io.dingboot.test.SentMessage;
import io.dingboot.test.stream.StreamAck;
import io.dingboot.test.stream.StreamPush;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that exist only in demo mode: the people to pick, a free-login code from the fake
 * (what the DingTalk client would hand the page), the fake's inbox of work notifications, and a
 * contact event the fake's Stream gateway pushes to the app. Errors are the sample's
 * {@link ErrorAnswer}.
 */
@RestController
@RequestMapping("/demo")
@ConditionalOnProperty(DemoModeInitializer.DEMO_PROPERTY)
class DemoController {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** How long a pushed event waits for the app's ack (its first connection may still be opening). */
	static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

	/** How many of the latest work notifications the inbox shows. */
	static final int INBOX_SIZE = 50;

	private static final List<String> EVENT_TYPES = List.of("user_add_org", "user_modify_org", "user_leave_org",
			"org_dept_create", "org_dept_modify");

	private final FakeDingTalk fake;

	private final DingTalkProperties properties;

	DemoController(FakeDingTalk fake, DingTalkProperties properties) {
		this.fake = fake;
		this.properties = properties;
	}

	@GetMapping("/users")
	List<DemoUser> users() {
		FakeOrganization organization = this.fake.organization();
		return organization.users().stream().map((user) -> DemoUser.of(user, organization)).toList();
	}

	@PostMapping("/auth-code")
	ResponseEntity<Map<String, Object>> authCode(@RequestParam String userid) {
		if (this.fake.organization().user(userid).isEmpty()) {
			return unknownUser();
		}
		return ResponseEntity.ok(Map.<String, Object>of("code", this.fake.issueAuthCode(userid)));
	}

	/**
	 * The latest {@value #INBOX_SIZE} work notifications the fake received, newest first. Only
	 * those are copied from the fake's records.
	 * @return the messages
	 */
	@GetMapping("/inbox")
	List<InboxItem> inbox() {
		List<SentMessage> messages = this.fake.latestSentMessages(INBOX_SIZE);
		List<InboxItem> items = new ArrayList<>(messages.size());
		for (SentMessage message : messages) {
			items.add(item(message));
		}
		return items;
	}

	/**
	 * Make the fake's Stream gateway push a contact event to this app, as DingTalk does in Stream
	 * mode, and wait for the app's ack: {@code SUCCESS} once its listeners ran, {@code LATER} when
	 * one failed (the gateway then delivers the event again).
	 * @param type the event type, {@code user_add_org} by default
	 * @param userid the user the event is about, a random demo user by default
	 * @return the event's id and the app's ack
	 */
	@PostMapping("/events")
	ResponseEntity<Map<String, Object>> pushEvent(@RequestParam(defaultValue = "user_add_org") String type,
			@RequestParam(required = false) String userid) {
		if (!this.properties.getStream().isEnabled()) {
			return ErrorAnswer
				.of(HttpStatus.CONFLICT, "stream_disabled", "Stream mode is off (dingtalk.stream.enabled is false)",
						"Stream 模式未开启（dingtalk.stream.enabled 为 false）")
				.toResponse();
		}
		if (!EVENT_TYPES.contains(type)) {
			return ErrorAnswer
				.of(HttpStatus.BAD_REQUEST, "invalid_request", "The event type is not one the demo can push",
						"演示不支持这种事件类型")
				.withDetail("type must be one of " + EVENT_TYPES)
				.toResponse();
		}
		FakeOrganization organization = this.fake.organization();
		List<FakeUser> users = organization.users();
		FakeUser user = (userid != null) ? organization.user(userid).orElse(null)
				: users.get(ThreadLocalRandom.current().nextInt(users.size()));
		if (user == null) {
			return unknownUser();
		}
		String eventId = UUID.randomUUID().toString().replace("-", "");
		// Stream events are camelCase; the type, id and corp travel in the frame's headers
		Map<String, Object> data = new LinkedHashMap<>();
		if (type.startsWith("user_")) {
			data.put("userId", List.of(user.userid()));
		}
		else {
			data.put("deptId", List.of(user.deptIds().get(0)));
		}
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("eventType", type);
		headers.put("eventId", eventId);
		headers.put("eventCorpId", organization.app().corpId());
		headers.put("eventBornTime", Long.toString(System.currentTimeMillis()));
		StreamPush push = this.fake.stream()
			.push(organization.app().appKey(), "EVENT", "*", headers, json.writeValueAsString(data));
		StreamAck ack;
		try {
			ack = push.awaitAck(ACK_TIMEOUT);
		}
		catch (AssertionError ex) {
			// the test kit's way of saying no ack arrived in time
			return ErrorAnswer
				.of(HttpStatus.GATEWAY_TIMEOUT, "event_not_acknowledged",
						"The app did not acknowledge the event within " + ACK_TIMEOUT.toSeconds() + " s",
						"应用没有在 " + ACK_TIMEOUT.toSeconds() + " 秒内应答这个事件")
				.toResponse();
		}
		boolean success = !ack.isRetry();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("eventId", eventId);
		body.put("eventType", type);
		body.put("ack", (ack.status() != null) ? ack.status() : String.valueOf(ack.code()));
		body.put("success", success);
		return ResponseEntity.status(success ? HttpStatus.OK : HttpStatus.BAD_GATEWAY).body(body);
	}

	private static ResponseEntity<Map<String, Object>> unknownUser() {
		return ErrorAnswer.of(HttpStatus.NOT_FOUND, "unknown_user", "There is no such demo user", "没有这个示例成员")
			.toResponse();
	}

	private InboxItem item(SentMessage message) {
		FakeOrganization organization = this.fake.organization();
		List<String> names = message.recipients()
			.stream()
			.map((userid) -> organization.user(userid).map(FakeUser::name).orElse(userid))
			.toList();
		String title = message.msg().path(message.msgType()).path("title").asString("");
		return new InboxItem(message.taskId(), message.msgType(), message.recipients(), names, title, message.text(),
				message.sentAt(), message.recalled());
	}

	record DemoUser(String userid, String name, String title, String avatar, List<String> departments, boolean admin,
			boolean boss) {

		static DemoUser of(FakeUser user, FakeOrganization organization) {
			List<String> departments = user.deptIds()
				.stream()
				.map((id) -> organization.department(id).map(FakeDepartment::name).orElse(String.valueOf(id)))
				.toList();
			return new DemoUser(user.userid(), user.name(), user.title(), user.avatar(), departments, user.admin(),
					user.boss());
		}

	}

	record InboxItem(long taskId, String msgType, List<String> recipients, List<String> recipientNames, String title,
			String text, Instant sentAt, boolean recalled) {

	}

}
