package io.dingboot.autoconfigure;

import java.util.List;

import io.dingboot.http.DingTalkTransport;
import org.jspecify.annotations.Nullable;

/**
 * Joins the transport listener beans (metrics, an application's own) into the one of each kind the
 * transport takes.
 */
final class DingTalkTransportListeners {

	private DingTalkTransportListeners() {
	}

	static DingTalkTransport.@Nullable ExchangeListener exchange(List<DingTalkTransport.ExchangeListener> listeners) {
		return switch (listeners.size()) {
			case 0 -> null;
			case 1 -> listeners.get(0);
			default -> (app, request, failure, durationNanos) -> listeners
				.forEach((listener) -> listener.exchanged(app, request, failure, durationNanos));
		};
	}

	static DingTalkTransport.@Nullable RetryListener retry(List<DingTalkTransport.RetryListener> listeners) {
		return switch (listeners.size()) {
			case 0 -> null;
			case 1 -> listeners.get(0);
			default -> (app, request, failure) -> listeners
				.forEach((listener) -> listener.retrying(app, request, failure));
		};
	}

}
