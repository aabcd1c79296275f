package io.dingboot.stream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
import io.dingboot.callback.UserLeaveOrgEvent;
import io.dingboot.callback.UserModifyOrgEvent;
import io.dingboot.stream.ConnectionOpener.Subscription;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.event.GenericApplicationListenerAdapter;
import org.springframework.core.ResolvableType;

/**
 * The subscriptions an application needs: EVENT {@code *} when a listener takes
 * {@link DingTalkEvent}s (or one of its types), the robot topic when one takes
 * {@link RobotMessageEvent}s, the card topic when there is a {@link CardCallbackListener}.
 * Listeners of every application event (such as {@code ApplicationListener<ApplicationEvent>})
 * do not count.
 */
final class ListenerTopics {

	private static final List<Class<? extends ApplicationEvent>> EVENT_TYPES = List.of(DingTalkEvent.class,
			UserAddOrgEvent.class, UserModifyOrgEvent.class, UserLeaveOrgEvent.class, UserActiveOrgEvent.class,
			OrgAdminAddEvent.class, OrgAdminRemoveEvent.class, OrgDeptCreateEvent.class, OrgDeptModifyEvent.class,
			OrgDeptRemoveEvent.class, OrgRemoveEvent.class, OrgChangeEvent.class);

	private ListenerTopics() {
	}

	static List<Subscription> subscriptions(Collection<ApplicationListener<?>> listeners, boolean cardListeners) {
		List<Subscription> subscriptions = new ArrayList<>();
		if (anyListens(listeners, EVENT_TYPES)) {
			subscriptions.add(new Subscription(StreamFrame.EVENT, "*"));
		}
		if (anyListens(listeners, List.of(RobotMessageEvent.class))) {
			subscriptions.add(new Subscription(StreamFrame.CALLBACK, RobotMessageEvent.TOPIC));
		}
		if (cardListeners) {
			subscriptions.add(new Subscription(StreamFrame.CALLBACK, CardCallbackListener.TOPIC));
		}
		return subscriptions;
	}

	private static boolean anyListens(Collection<ApplicationListener<?>> listeners,
			List<Class<? extends ApplicationEvent>> types) {
		for (ApplicationListener<?> listener : listeners) {
			GenericApplicationListener generic = (listener instanceof GenericApplicationListener g) ? g
					: new GenericApplicationListenerAdapter(listener);
			if (generic.supportsEventType(ResolvableType.forClass(Probe.class))) {
				continue;
			}
			for (Class<? extends ApplicationEvent> type : types) {
				if (generic.supportsEventType(ResolvableType.forClass(type))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * An event no specific listener takes: a listener that supports it takes every event.
	 */
	@SuppressWarnings("serial")
	private static final class Probe extends ApplicationEvent {

		private Probe() {
			super(ListenerTopics.class);
		}

	}

}
