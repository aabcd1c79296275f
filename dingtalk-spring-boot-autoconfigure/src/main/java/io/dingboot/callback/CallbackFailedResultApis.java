package io.dingboot.callback;

import io.dingboot.apps.DingTalkApp;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.apps.UnknownDingTalkAppException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The {@link CallbackFailedResultApi} of every app, by name: each fetches the failed pushes of
 * its app with that app's token, and replays them as events of that app.
 * <pre class="code">
 * ReplayResult result = failedResultApis.forApp("hr").replayFailed();
 * </pre>
 */
public final class CallbackFailedResultApis {

	private final DingTalkApps apps;

	private final @Nullable CallbackDispatcher dispatcher;

	/**
	 * Create the clients' source.
	 * @param apps the apps
	 * @param dispatcher what replays go through, or {@code null} when callbacks are not enabled:
	 * then fetching works and replaying throws
	 */
	public CallbackFailedResultApis(DingTalkApps apps, @Nullable CallbackDispatcher dispatcher) {
		Assert.notNull(apps, "'apps' must not be null");
		this.apps = apps;
		this.dispatcher = dispatcher;
	}

	/**
	 * The client of the app named {@code appName}, with that app's token.
	 * @param appName the app's name, {@code default} for the top-level app
	 * @return the client
	 * @throws UnknownDingTalkAppException when there is no such app; its message lists the names
	 */
	public CallbackFailedResultApi forApp(String appName) {
		DingTalkApp app = this.apps.get(appName);
		return new CallbackFailedResultApi(app.name(), app.client(), this.dispatcher);
	}

	@Override
	public String toString() {
		return "CallbackFailedResultApis" + this.apps.names();
	}

}
