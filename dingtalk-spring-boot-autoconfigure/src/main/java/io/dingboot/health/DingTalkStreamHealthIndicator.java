package io.dingboot.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import io.dingboot.stream.StreamListener;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

/**
 * Health of each app's Stream connection, from what the Stream client told it (a probe sends
 * nothing). The detail {@code apps} holds one entry per app, by name: UP while connected; UNKNOWN
 * ({@code state=reconnecting}) while a connection is being opened or replaced after a drop, which
 * is routine and should not fail a readiness probe; DOWN ({@code state=failing}) when the last
 * attempt failed, with {@code reason=auth_failed} and the property to fix, or
 * {@code reason=connect_failed} and the failure's class; OUT_OF_SERVICE ({@code state=stopped})
 * after the application stopped it. The indicator's own status is the worst of the apps' (DOWN
 * before UP before UNKNOWN). No key, secret, ticket or URL appears.
 */
public final class DingTalkStreamHealthIndicator implements HealthIndicator, StreamListener {

	private final Supplier<List<String>> apps;

	private final ConcurrentMap<String, Health> states = new ConcurrentHashMap<>();

	/**
	 * Create an indicator; as a bean it is told by the Stream client.
	 * @param apps supplies the names of the apps that connect, in the order to report them
	 */
	public DingTalkStreamHealthIndicator(Supplier<List<String>> apps) {
		Assert.notNull(apps, "'apps' must not be null");
		this.apps = apps;
	}

	@Override
	public void connectionOpened(String app) {
		this.states.put(app, Health.up().withDetail("state", "connected").build());
	}

	@Override
	public void connectionClosed(String app, CloseReason reason) {
		if (reason == CloseReason.STOPPED) {
			this.states.put(app, Health.outOfService().withDetail("state", "stopped").build());
		}
		else {
			this.states.put(app, reconnecting(reason.name().toLowerCase(Locale.ROOT)));
		}
	}

	@Override
	public void connectFailed(String app, String error) {
		this.states.put(app, Health.down()
			.withDetail("state", "failing")
			.withDetail("reason", "connect_failed")
			.withDetail("error", error)
			.build());
	}

	@Override
	public void authFailed(String app, String property) {
		this.states.put(app, Health.down()
			.withDetail("state", "failing")
			.withDetail("reason", "auth_failed")
			.withDetail("property", property)
			.build());
	}

	private static Health reconnecting(String reason) {
		return Health.unknown().withDetail("state", "reconnecting").withDetail("reason", reason).build();
	}

	@Override
	public Health health() {
		List<String> names = this.apps.get();
		if (names.isEmpty()) {
			return Health.unknown().withDetail("reason", "no app connects in Stream mode").build();
		}
		Map<String, Health> byApp = new LinkedHashMap<>();
		Status worst = Status.UNKNOWN;
		for (String name : names) {
			Health health = this.states.getOrDefault(name, reconnecting("not connected yet"));
			byApp.put(name, health);
			worst = worse(worst, health.getStatus());
		}
		return Health.status(worst).withDetail("apps", byApp).build();
	}

	private static Status worse(Status current, Status next) {
		for (Status status : List.of(Status.DOWN, Status.OUT_OF_SERVICE, Status.UP)) {
			if (status.equals(current) || status.equals(next)) {
				return status;
			}
		}
		return Status.UNKNOWN;
	}

}
