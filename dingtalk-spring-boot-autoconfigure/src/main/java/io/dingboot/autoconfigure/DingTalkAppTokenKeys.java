package io.dingboot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dingboot.apps.DingTalkApp;
import io.dingboot.apps.DingTalkApps;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Links token keys ({@code access_token:<scope>}, {@code jsapi_ticket:<scope>}, the scope being
 * the app key, or the corp id of an app with the legacy credential only) to the names of the apps
 * in {@link DingTalkApps}, for the meters and the health indicator, which report apps by name and
 * never by key.
 */
final class DingTalkAppTokenKeys {

	private static final String ACCESS_TOKEN = "access_token:";

	private DingTalkAppTokenKeys() {
	}

	/**
	 * The name of the app whose token {@code tokenKey} is, or {@code null} when no app has it. Runs
	 * on token fetches only (once per app and token lifetime), so a look through the apps is cheap
	 * enough and always sees apps registered at runtime.
	 */
	static @Nullable String appName(@Nullable DingTalkApps apps, String tokenKey) {
		if (apps == null) {
			return null;
		}
		String scope = tokenKey.substring(tokenKey.indexOf(':') + 1);
		for (DingTalkApp app : apps) {
			if (scope.equals(scope(app))) {
				return app.name();
			}
		}
		return null;
	}

	/**
	 * The key of each app's access token, by app name, in the registry's order.
	 */
	static Map<String, String> accessTokenKeys(DingTalkApps apps) {
		Map<String, String> keys = new LinkedHashMap<>();
		for (DingTalkApp app : apps) {
			String scope = scope(app);
			if (scope != null) {
				keys.put(app.name(), ACCESS_TOKEN + scope);
			}
		}
		return keys;
	}

	/**
	 * The app's token scope: its app key (which is only ever set with its secret, the pair that
	 * wins), otherwise its corp id.
	 */
	private static @Nullable String scope(DingTalkApp app) {
		return StringUtils.hasText(app.appKey()) ? app.appKey() : app.corpId();
	}

}
