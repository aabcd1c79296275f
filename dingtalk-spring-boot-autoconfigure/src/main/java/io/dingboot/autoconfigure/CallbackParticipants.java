package io.dingboot.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dingboot.apps.DingTalkApps;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Which apps take part in HTTP callbacks, the one place that decides it. A named app
 * {@code dingtalk.apps.<name>} takes part when its {@code callback.enabled} is true, or when it is
 * unset, {@code dingtalk.callback.enabled} is true and the app has callback settings of its own
 * ({@code callback.token} or {@code callback.aes-key}); {@code false} leaves it out. The app
 * {@code default} takes part when {@code dingtalk.callback.enabled} is true and it has callback
 * settings, or when no named app takes part (a single-app configuration, whose missing settings
 * are then reported).
 */
final class CallbackParticipants {

	private CallbackParticipants() {
	}

	/**
	 * One app that takes part.
	 *
	 * @param name the app's name
	 * @param prefix the app's property prefix, {@code dingtalk.} or {@code dingtalk.apps.<name>.}
	 * @param token the callback token
	 * @param aesKey the callback EncodingAESKey
	 * @param ownerKeys the keys its pushes may be encrypted for: the configured ones, else the
	 * app key and corp id
	 */
	record Participant(String name, String prefix, @Nullable String token, @Nullable String aesKey,
			Set<String> ownerKeys) {

		boolean isDefault() {
			return DingTalkApps.DEFAULT.equals(this.name);
		}

		@Override
		public String toString() {
			return "Participant{name=" + this.name + ", ownerKeys=" + this.ownerKeys + "}";
		}

	}

	/**
	 * Whether callbacks are on at all: the top-level switch, or one app's own switch.
	 */
	static boolean anyEnabled(DingTalkProperties properties) {
		return properties.getCallback().isEnabled() || properties.getApps()
			.values()
			.stream()
			.anyMatch((app) -> Boolean.TRUE.equals(app.getCallback().getEnabled()));
	}

	static boolean defaultTakesPart(DingTalkProperties properties) {
		DingTalkProperties.Callback callback = properties.getCallback();
		if (!callback.isEnabled()) {
			return false;
		}
		return hasSettings(callback.getToken(), callback.getAesKey()) || namedApps(properties).isEmpty();
	}

	/**
	 * The apps that take part, {@code default} first.
	 */
	static List<Participant> of(DingTalkProperties properties) {
		List<Participant> participants = new ArrayList<>();
		if (defaultTakesPart(properties)) {
			DingTalkProperties.Callback callback = properties.getCallback();
			participants.add(new Participant(DingTalkApps.DEFAULT, DingTalkPropertiesValidator.TOP_LEVEL,
					callback.getToken(), callback.getAesKey(),
					ownerKeys(callback.getOwnerKey(), properties.getAppKey(), properties.getCorpId())));
		}
		for (Map.Entry<String, DingTalkProperties.App> entry : namedApps(properties)) {
			DingTalkProperties.App app = entry.getValue();
			DingTalkProperties.AppCallback callback = app.getCallback();
			participants.add(new Participant(entry.getKey(),
					DingTalkPropertiesValidator.TOP_LEVEL + "apps." + entry.getKey() + ".", callback.getToken(),
					callback.getAesKey(), ownerKeys(callback.getOwnerKey(), app.getAppKey(), app.getCorpId())));
		}
		return participants;
	}

	private static List<Map.Entry<String, DingTalkProperties.App>> namedApps(DingTalkProperties properties) {
		boolean top = properties.getCallback().isEnabled();
		return properties.getApps().entrySet().stream().filter((entry) -> {
			DingTalkProperties.AppCallback callback = entry.getValue().getCallback();
			return (callback.getEnabled() != null) ? callback.getEnabled()
					: top && hasSettings(callback.getToken(), callback.getAesKey());
		}).toList();
	}

	private static boolean hasSettings(@Nullable String token, @Nullable String aesKey) {
		return StringUtils.hasText(token) || StringUtils.hasText(aesKey);
	}

	private static Set<String> ownerKeys(Set<String> configured, @Nullable String appKey, @Nullable String corpId) {
		Set<String> keys = new LinkedHashSet<>();
		configured.stream().filter(StringUtils::hasText).map(String::trim).forEach(keys::add);
		if (keys.isEmpty()) {
			if (StringUtils.hasText(appKey)) {
				keys.add(appKey.trim());
			}
			if (StringUtils.hasText(corpId)) {
				keys.add(corpId.trim());
			}
		}
		return keys;
	}

}
