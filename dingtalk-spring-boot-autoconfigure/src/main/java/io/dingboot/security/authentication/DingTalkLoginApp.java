package io.dingboot.security.authentication;

import io.dingboot.user.UserApi;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An app that logs users in: its name, the CorpId of its organisation, and the user API that calls
 * DingTalk with this app's access token (a free-login code is valid only with the token of the app
 * that issued it).
 *
 * @param name the app's name, {@value DingTalkUser#DEFAULT_APP} for the top-level app
 * @param corpId the CorpId of the app's organisation, or {@code null} when not configured
 * @param users the user API of this app
 */
public record DingTalkLoginApp(String name, @Nullable String corpId, UserApi users) {

	public DingTalkLoginApp {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(users, "'users' must not be null");
	}

	@Override
	public String toString() {
		return "DingTalkLoginApp{name=" + this.name + ", corpId=" + this.corpId + "}";
	}

}
