package io.dingboot.token;

/**
 * Where an app's access token is fetched from. Either token works on both API families; the
 * v1.0 endpoint takes the app key and secret only.
 */
public enum TokenEndpoint {

	/**
	 * {@code GET {base-url}/gettoken?appkey=&appsecret=} (or {@code corpid}/{@code corpsecret}),
	 * answering <code>{"access_token","expires_in"}</code>.
	 */
	LEGACY,

	/**
	 * {@code POST {api-base-url}/v1.0/oauth2/accessToken} with the JSON body
	 * <code>{"appKey","appSecret"}</code>, answering <code>{"accessToken","expireIn"}</code>.
	 */
	V1

}
