package io.dingboot.autoconfigure;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import io.dingboot.apps.DingTalkApps;

/**
 * A feature that each app takes part in or not: the top-level switch
 * {@code dingtalk.<feature>.enabled} opens it for every app, {@code dingtalk.apps.<name>.<feature>.enabled}
 * overrides it for one app. When the top-level switch is off and some app switches the feature on
 * by itself, only such apps take part.
 */
enum DingTalkFeature {

	/** Free login. */
	LOGIN("login", (properties) -> properties.getLogin().isEnabled(), DingTalkProperties.App::getLogin),

	/** The dd.config endpoint. */
	JSAPI("jsapi", (properties) -> properties.getJsapi().isEnabled(), DingTalkProperties.App::getJsapi),

	/** Browser login through oauth2Login. */
	BROWSER_LOGIN("login.browser", (properties) -> properties.getLogin().getBrowser().isEnabled(),
			(app) -> app.getLogin().getBrowser());

	private final String key;

	private final Predicate<DingTalkProperties> topLevelSwitch;

	private final Function<DingTalkProperties.App, DingTalkProperties.AppSwitch> appSwitch;

	DingTalkFeature(String key, Predicate<DingTalkProperties> topLevelSwitch,
			Function<DingTalkProperties.App, DingTalkProperties.AppSwitch> appSwitch) {
		this.key = key;
		this.topLevelSwitch = topLevelSwitch;
		this.appSwitch = appSwitch;
	}

	/**
	 * The top-level switch in bound properties.
	 * @param properties the properties
	 * @return whether {@code dingtalk.<feature>.enabled} is true
	 */
	boolean isSwitchedOn(DingTalkProperties properties) {
		return this.topLevelSwitch.test(properties);
	}

	/**
	 * The name of the top-level switch.
	 * @return e.g. {@code dingtalk.login.enabled}
	 */
	String property() {
		return "dingtalk." + this.key + ".enabled";
	}

	/**
	 * The name of one app's switch.
	 * @param app the app's name
	 * @return e.g. {@code dingtalk.apps.hr.login.enabled}
	 */
	String property(String app) {
		return "dingtalk.apps." + app + "." + this.key + ".enabled";
	}

	/**
	 * Whether the feature is on for at least one app.
	 * @param top the top-level switch
	 * @param apps the named apps
	 * @return whether the feature's endpoint opens
	 */
	boolean isOpen(boolean top, Map<String, DingTalkProperties.App> apps) {
		return top || anyAppSwitchedOn(apps);
	}

	/**
	 * Which apps take part, by name: a named app by its own switch, else by the top-level switch;
	 * {@value DingTalkApps#DEFAULT} and apps registered at runtime by the top-level switch. With
	 * the top-level switch off and no app switched on by itself, every app takes part, so that a
	 * security chain of the application's own that adds the feature serves every app.
	 * @param top the top-level switch
	 * @param apps the named apps
	 * @return whether the app of a name takes part
	 */
	Predicate<String> takesPart(boolean top, Map<String, DingTalkProperties.App> apps) {
		boolean effective = top || !anyAppSwitchedOn(apps);
		return (name) -> {
			DingTalkProperties.App app = DingTalkApps.DEFAULT.equals(name) ? null : apps.get(name);
			return (app != null) ? this.appSwitch.apply(app).isEnabled(effective) : effective;
		};
	}

	private boolean anyAppSwitchedOn(Map<String, DingTalkProperties.App> apps) {
		return apps.values().stream().anyMatch((app) -> Boolean.TRUE.equals(this.appSwitch.apply(app).getEnabled()));
	}

}
