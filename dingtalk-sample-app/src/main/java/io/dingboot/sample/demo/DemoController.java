package io.dingboot.sample.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.dingboot.test.FakeDepartment;
import io.dingboot.test.FakeDingTalk;
import io.dingboot.test.FakeOrganization;
import io.dingboot.test.FakeUser;
import io.dingboot.test.SentMessage;

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
 * (what the DingTalk client would hand the page) and the fake's inbox of work notifications.
 */
@RestController
@RequestMapping("/demo")
@ConditionalOnProperty(DemoModeInitializer.DEMO_PROPERTY)
class DemoController {

	private final FakeDingTalk fake;

	DemoController(FakeDingTalk fake) {
		this.fake = fake;
	}

	@GetMapping("/users")
	List<DemoUser> users() {
		FakeOrganization organization = this.fake.organization();
		return organization.users().stream().map((user) -> DemoUser.of(user, organization)).toList();
	}

	@PostMapping("/auth-code")
	ResponseEntity<Map<String, String>> authCode(@RequestParam String userid) {
		if (this.fake.organization().user(userid).isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("error", "unknown_user", "message", "No demo user '" + userid + "'"));
		}
		return ResponseEntity.ok(Map.of("code", this.fake.issueAuthCode(userid)));
	}

	@GetMapping("/inbox")
	List<InboxItem> inbox() {
		List<SentMessage> messages = new ArrayList<>(this.fake.sentMessages());
		Collections.reverse(messages);
		return messages.stream().limit(50).map(this::item).toList();
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
