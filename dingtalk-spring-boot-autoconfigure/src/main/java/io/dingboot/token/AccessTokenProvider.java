package io.dingboot.token;

/**
 * Supplies the app's access token. The default implementation caches it, fetches it once however
 * many callers ask at the same moment, and refreshes it ahead of expiry.
 */
public interface AccessTokenProvider {

	/**
	 * Return a valid access token, fetching one when none is cached.
	 * @return the access token
	 * @throws io.dingboot.DingTalkApiException when no token can be fetched
	 */
	String getAccessToken();

	/**
	 * Drop the cached token, but only if it is still {@code failedToken}: a token that DingTalk
	 * refused. A newer token is kept.
	 * @param failedToken the token DingTalk refused
	 */
	void invalidate(String failedToken);

}
