package io.dingboot.security.config;

import io.dingboot.security.web.DingTalkLoginFilter;

import org.springframework.util.Assert;

/**
 * Defaults a {@link DingTalkLoginConfigurer} takes from the application context when they are not
 * set on it; DingBoot's auto-configuration declares one from {@code dingtalk.login.*}.
 *
 * @param processingUrl the URL the front end posts the code to, starting with {@code /}
 * @param fetchUserDetails whether to fetch the user's details after the code is accepted
 */
public record DingTalkLoginSettings(String processingUrl, boolean fetchUserDetails) {

	/** The settings when nothing is configured. */
	public static final DingTalkLoginSettings DEFAULTS = new DingTalkLoginSettings(
			DingTalkLoginFilter.DEFAULT_PROCESSING_URL, true);

	public DingTalkLoginSettings {
		Assert.isTrue(processingUrl != null && processingUrl.startsWith("/"),
				"'processingUrl' must start with '/'");
	}

}
