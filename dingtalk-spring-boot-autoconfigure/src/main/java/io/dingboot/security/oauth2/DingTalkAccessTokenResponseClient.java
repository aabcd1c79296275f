package io.dingboot.security.oauth2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Exchanges DingTalk's login code for a user token: {@code POST {tokenUri}} (by default
 * {@code https://api.dingtalk.com/v1.0/oauth2/userAccessToken}) with the JSON body
 * {@code {"clientId", "clientSecret", "code", "grantType": "authorization_code"}}, answered with
 * {@code {"accessToken", "refreshToken", "expireIn", "corpId"}}; the {@code corpId} is kept as an
 * additional parameter of the token response. Registrations that are not DingTalk's go to
 * Spring Security's standard client. Neither the code, the secret nor the tokens are logged.
 */
public final class DingTalkAccessTokenResponseClient
		implements OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> {

	/** Name of the additional token response parameter with the organisation's CorpId. */
	public static final String CORP_ID = "corpId";

	private static final Logger logger = LoggerFactory.getLogger(DingTalkAccessTokenResponseClient.class);

	private final RestClient restClient;

	private final Predicate<String> dingTalkRegistration;

	private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> others;

	/**
	 * Create a client.
	 * @param restClient the client to call DingTalk with (its timeouts apply)
	 * @param dingTalkRegistration whether a registration id is one of DingTalk's
	 */
	public DingTalkAccessTokenResponseClient(RestClient restClient, Predicate<String> dingTalkRegistration) {
		Assert.notNull(restClient, "'restClient' must not be null");
		Assert.notNull(dingTalkRegistration, "'dingTalkRegistration' must not be null");
		this.restClient = restClient;
		this.dingTalkRegistration = dingTalkRegistration;
		this.others = new RestClientAuthorizationCodeTokenResponseClient();
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(OAuth2AuthorizationCodeGrantRequest request) {
		ClientRegistration registration = request.getClientRegistration();
		if (!this.dingTalkRegistration.test(registration.getRegistrationId())) {
			return this.others.getTokenResponse(request);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("clientId", registration.getClientId());
		body.put("clientSecret", registration.getClientSecret());
		body.put("code", request.getAuthorizationExchange().getAuthorizationResponse().getCode());
		body.put("grantType", "authorization_code");
		TokenAnswer answer;
		try {
			answer = this.restClient.post()
				.uri(registration.getProviderDetails().getTokenUri())
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(body)
				.retrieve()
				.onStatus((status) -> !status.is2xxSuccessful(), (req, response) -> {
					throw DingTalkBrowserLoginErrors.fromAnswer("userAccessToken", response);
				})
				.body(TokenAnswer.class);
		}
		catch (OAuth2AuthorizationException ex) {
			logger.debug("DingTalk refused a login code of {}: {}", registration.getRegistrationId(),
					ex.getError().getErrorCode());
			throw ex;
		}
		catch (ResourceAccessException ex) {
			throw DingTalkBrowserLoginErrors.error(DingTalkBrowserLoginErrors.DINGTALK_UNAVAILABLE,
					"DingTalk could not be reached (userAccessToken)", null);
		}
		catch (RestClientException ex) {
			throw DingTalkBrowserLoginErrors.error(DingTalkBrowserLoginErrors.DINGTALK_ERROR,
					"DingTalk answered userAccessToken with an unreadable body", null);
		}
		if (answer == null || !StringUtils.hasText(answer.accessToken())) {
			throw DingTalkBrowserLoginErrors.error(DingTalkBrowserLoginErrors.DINGTALK_ERROR,
					"DingTalk answered userAccessToken without an accessToken", null);
		}
		OAuth2AccessTokenResponse.Builder response = OAuth2AccessTokenResponse.withToken(answer.accessToken())
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn((answer.expireIn() != null && answer.expireIn() > 0) ? answer.expireIn() : 7200);
		if (StringUtils.hasText(answer.refreshToken())) {
			response.refreshToken(answer.refreshToken());
		}
		if (answer.corpId() != null) {
			response.additionalParameters(Map.of(CORP_ID, answer.corpId()));
		}
		return response.build();
	}

	record TokenAnswer(@Nullable String accessToken, @Nullable String refreshToken, @Nullable Long expireIn,
			@Nullable String corpId) {

		@Override
		public String toString() {
			return "TokenAnswer{corpId=" + this.corpId + "}";
		}

	}

}
