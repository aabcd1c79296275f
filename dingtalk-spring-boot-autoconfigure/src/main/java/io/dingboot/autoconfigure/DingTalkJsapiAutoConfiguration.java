package io.dingboot.autoconfigure;

import io.dingboot.http.DingTalkClient;
import io.dingboot.jsapi.JsapiSigner;
import io.dingboot.jsapi.JsapiTicketProvider;
import io.dingboot.jsapi.SignatureAlgorithm;
import io.dingboot.token.TokenCache;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configuration of the JSAPI ticket and the dd.config signer. Both beans exist whenever
 * credentials are set; {@code dingtalk.corp-id} and {@code dingtalk.agent-id} are required at
 * startup only when the dd.config endpoint is on ({@code dingtalk.jsapi.enabled=true}), which
 * {@link DingTalkPropertiesValidator} checks before any bean is created. Both beans are lazy: without
 * the dd.config endpoint they are created only when the application asks for them.
 */
@AutoConfiguration(after = DingTalkAutoConfiguration.class)
@ConditionalOnDingTalkCredentials
public final class DingTalkJsapiAutoConfiguration {

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	JsapiTicketProvider dingTalkJsapiTicketProvider(DingTalkClient dingTalkClient, TokenCache tokenCache,
			DingTalkProperties properties) {
		String scope = properties.hasAppCredentials() ? properties.getAppKey() : properties.getCorpId();
		return new JsapiTicketProvider(dingTalkClient, tokenCache, scope);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	JsapiSigner dingTalkJsapiSigner(JsapiTicketProvider jsapiTicketProvider, DingTalkProperties properties) {
		SignatureAlgorithm algorithm = properties.getJsapi().getSignatureAlgorithm();
		return new JsapiSigner(jsapiTicketProvider, properties.getCorpId(), properties.getAgentId(), algorithm);
	}

}
