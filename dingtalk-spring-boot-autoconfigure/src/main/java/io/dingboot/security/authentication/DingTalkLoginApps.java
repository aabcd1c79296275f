package io.dingboot.security.authentication;

import java.util.function.Predicate;

import io.dingboot.apps.DingTalkApp;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.user.UserApi;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The apps that log users in, looked up by name on every login so that apps registered at runtime
 * take part too. The app {@value DingTalkUser#DEFAULT_APP} answers at the processing URL, any
 * other app {@code <name>} at the processing URL followed by {@code /<name>}. Declare a bean of
 * this type to choose the apps yourself.
 */
@FunctionalInterface
public interface DingTalkLoginApps {

	/**
	 * The app named {@code name}, when it logs users in.
	 * @param name the app's name
	 * @return the app, or {@code null} when there is no such app or it does not log users in
	 */
	@Nullable DingTalkLoginApp find(String name);

	/**
	 * The apps of a registry that {@code takesPart} lets in.
	 * @param apps the registry, read on every call
	 * @param takesPart whether the app of a name logs users in
	 * @return the login apps
	 */
	static DingTalkLoginApps of(DingTalkApps apps, Predicate<String> takesPart) {
		Assert.notNull(apps, "'apps' must not be null");
		Assert.notNull(takesPart, "'takesPart' must not be null");
		return (name) -> {
			DingTalkApp app = apps.find(name).orElse(null);
			return (app != null && takesPart.test(name)) ? new DingTalkLoginApp(name, app.corpId(), app.users())
					: null;
		};
	}

	/**
	 * One app, {@value DingTalkUser#DEFAULT_APP}, calling DingTalk through {@code userApi}.
	 * @param userApi the user API
	 * @param corpId the CorpId of the app's organisation, or {@code null}
	 * @return the login apps
	 */
	static DingTalkLoginApps single(UserApi userApi, @Nullable String corpId) {
		DingTalkLoginApp app = new DingTalkLoginApp(DingTalkUser.DEFAULT_APP, corpId, userApi);
		return (name) -> DingTalkUser.DEFAULT_APP.equals(name) ? app : null;
	}

}
