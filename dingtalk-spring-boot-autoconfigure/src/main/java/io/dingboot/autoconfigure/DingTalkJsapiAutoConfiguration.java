package io.dingboot.autoconfigure;

import io.dingboot.http.DingTalkClient;
import io.dingboot.jsapi.JsapiSigner;
import io.dingboot.jsapi.JsapiTicketProvider;
import io.dingboot.jsapi.SignatureAlgorithm;
import io.dingboot.token.TokenCache;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of the JSAPI ticket and the dd.config signer. Both beans exist whenever
 * credentials are set; {@code dingtalk.corp-id} and {@code dingtalk.agent-id} are required at
 * startup only when the dd.config endpoint is on ({@code dingtalk.jsapi.enabled=true}).
 */
@AutoConfiguration(after = DingTalkAutoConfiguration.class)
@ConditionalOnDingTalkCredentials
public final class DingTalkJsapiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JsapiTicketProvider dingTalkJsapiTicketProvider(DingTalkClient dingTalkClient, TokenCache tokenCache,
			DingTalkProperties properties) {
		String scope = properties.hasAppCredentials() ? properties.getAppKey() : properties.getCorpId();
		return new JsapiTicketProvider(dingTalkClient, tokenCache, scope);
	}

	@Bean
	@ConditionalOnMissingBean
	JsapiSigner dingTalkJsapiSigner(JsapiTicketProvider jsapiTicketProvider, DingTalkProperties properties) {
		if (properties.getJsapi().isEnabled()) {
			if (!StringUtils.hasText(properties.getCorpId())) {
				throw new InvalidDingTalkPropertyException("dingtalk.corp-id",
						"is not set but dingtalk.jsapi.enabled is true",
						"set dingtalk.corp-id to the organisation's CorpId (starts with 'ding'), which dd.config needs");
			}
			if (properties.getAgentId() == null) {
				throw new InvalidDingTalkPropertyException("dingtalk.agent-id",
						"is not set but dingtalk.jsapi.enabled is true",
						"set dingtalk.agent-id to the app's AgentId from the developer console, which dd.config needs");
			}
		}
		SignatureAlgorithm algorithm = properties.getJsapi().getSignatureAlgorithm();
		return new JsapiSigner(jsapiTicketProvider, properties.getCorpId(), properties.getAgentId(), algorithm);
	}

}
