package io.dingboot.http;

import java.util.Locale;

import io.dingboot.DingTalkApiException;
import org.jspecify.annotations.Nullable;

/**
 * Request parameters several API groups share, checked or translated the way DingTalk wants them.
 */
public final class DingTalkParameters {

	private DingTalkParameters() {
	}

	/**
	 * DingTalk's {@code language} value for {@code language}: {@code zh_CN} or {@code en_US}.
	 * @param language the language, or {@code null} for DingTalk's default
	 * @return the value to send, or {@code null} to send none
	 * @throws IllegalArgumentException for a language DingTalk does not answer in
	 */
	public static @Nullable String language(@Nullable Locale language) {
		if (language == null) {
			return null;
		}
		return switch (language.getLanguage()) {
			case "zh" -> "zh_CN";
			case "en" -> "en_US";
			default -> throw new IllegalArgumentException(
					"DingTalk answers in zh_CN or en_US only, not " + language.toLanguageTag());
		};
	}

	/**
	 * Refuse a department id below the root's ({@code 1}) before anything is sent.
	 * @param path the API path, for the error
	 * @param deptId the department id
	 */
	public static void checkDeptId(String path, long deptId) {
		if (deptId < 1) {
			throw DingTalkApiException.invalidRequest(path, "dept_id must be at least 1 (the root) but is " + deptId);
		}
	}

}
