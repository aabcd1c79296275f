package io.dingboot.test;

import org.jspecify.annotations.Nullable;

/**
 * What the fake knows of the application it serves in a Spring test, read from the application's
 * environment when asked (the server's port is known only once it runs).
 */
interface ApplicationUnderTest {

	/**
	 * The application's own base URL, {@code http://127.0.0.1:<port><context-path>}.
	 * @return the URL
	 * @throws IllegalStateException when no server runs
	 */
	String baseUrl();

	/**
	 * The path of the free-login endpoint, {@code dingtalk.login.processing-url}.
	 * @return the path
	 */
	String loginProcessingUrl();

	/**
	 * Where and how to push callback events.
	 * @return the target
	 * @throws IllegalStateException when callbacks are not enabled or not configured
	 */
	CallbackTarget callbackTarget();

	/**
	 * Where and how to push callback events for one named app ({@code dingtalk.apps.<app>.*}).
	 * @param app the app's name
	 * @return the target
	 * @throws IllegalStateException when the app has no callback endpoint or is not configured
	 */
	default CallbackTarget callbackTarget(String app) {
		throw new IllegalStateException("The fake cannot read the callback settings of the app '" + app + "'");
	}

	/**
	 * The application's callback endpoint and settings.
	 *
	 * @param url the callback URL
	 * @param token the callback token
	 * @param aesKey the EncodingAESKey
	 * @param ownerKey the owner key to encrypt for
	 * @param corpId the corp id events carry, or {@code null}
	 */
	record CallbackTarget(String url, String token, String aesKey, String ownerKey, @Nullable String corpId) {

		@Override
		public String toString() {
			return "CallbackTarget{url=" + this.url + ", ownerKey=" + this.ownerKey + "}";
		}

	}

}
