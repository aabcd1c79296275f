package io.dingboot.sample;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.dingboot.callback.DepartmentEvent;
import io.dingboot.callback.DingTalkEvent;
import io.dingboot.callback.UserEvent;
import tools.jackson.databind.JsonNode;

import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live event log: the last {@value #CAPACITY} DingTalk events received, through Stream or on
 * the callback endpoint (a listener cannot tell which), with the app that received each, newest
 * first, served on {@code GET /api/events}.
 */
@RestController
class EventLog {

	static final int CAPACITY = 50;

	private final Deque<LoggedEvent> events = new ArrayDeque<>();

	@EventListener
	void onEvent(DingTalkEvent event) {
		LoggedEvent logged = new LoggedEvent(event.appName(), event.getEventType(), event.getEventId(),
				event.getCorpId(), event.getOwnerKey(), Instant.now(), summary(event), event.getPayload());
		synchronized (this.events) {
			this.events.addFirst(logged);
			while (this.events.size() > CAPACITY) {
				this.events.removeLast();
			}
		}
	}

	@GetMapping("/api/events")
	List<LoggedEvent> events() {
		synchronized (this.events) {
			return new ArrayList<>(this.events);
		}
	}

	private static String summary(DingTalkEvent event) {
		if (event instanceof UserEvent userEvent) {
			return "userId " + String.join(", ", userEvent.getUserIds());
		}
		if (event instanceof DepartmentEvent departmentEvent) {
			return "deptId " + departmentEvent.getDeptIds();
		}
		return null;
	}

	record LoggedEvent(String appName, String eventType, String eventId, String corpId, String ownerKey, Instant receivedAt,
			String summary, JsonNode payload) {

	}

}
