package io.dingboot.callback;

import java.util.Set;

import io.dingboot.apps.DingTalkApps;

import org.springframework.util.Assert;

/**
 * One app's callback settings, as the endpoint uses them: the app's name (which is also the last
 * segment of its path), the crypto of its token and aes-key, and the owner keys its pushes may be
 * encrypted for. {@link #toString()} shows no secret.
 *
 * @param name the app's name: {@code default} for the top-level app, answering at
 * {@code dingtalk.callback.path}; any other at {@code dingtalk.callback.path/<name>}
 * @param crypto the crypto of the app's callback token and aes-key
 * @param ownerKeys the owner keys the app's pushes may be encrypted for
 */
public record CallbackApp(String name, DingTalkCallbackCrypto crypto, Set<String> ownerKeys) {

	public CallbackApp {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(crypto, "'crypto' must not be null");
		Assert.notEmpty(ownerKeys, "'ownerKeys' must not be empty");
		ownerKeys = Set.copyOf(ownerKeys);
	}

	/**
	 * Whether this is the app named {@code default}, which answers at the callback path itself.
	 * @return whether this is the default app
	 */
	public boolean isDefault() {
		return DingTalkApps.DEFAULT.equals(this.name);
	}

	@Override
	public String toString() {
		return "CallbackApp{name=" + this.name + ", ownerKeys=" + this.ownerKeys + "}";
	}

}
