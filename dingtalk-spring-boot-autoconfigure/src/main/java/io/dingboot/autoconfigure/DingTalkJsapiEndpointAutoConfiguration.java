package io.dingboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.dingboot.jsapi.JsapiSigner;
import io.dingboot.jsapi.web.DdConfigHandler;
import io.dingboot.jsapi.web.PageOrigin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Auto-configuration of the dd.config endpoint ({@code GET dingtalk.jsapi.path?url=...}), on only
 * with {@code dingtalk.jsapi.enabled=true} in a servlet web application.
 */
@AutoConfiguration(after = DingTalkJsapiAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBooleanProperty("dingtalk.jsapi.enabled")
public final class DingTalkJsapiEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DdConfigHandler dingTalkDdConfigHandler(ObjectProvider<JsapiSigner> signer, DingTalkProperties properties) {
		List<PageOrigin> origins = allowedOrigins(properties.getJsapi().getAllowedOrigins());
		JsapiSigner available = signer.getIfAvailable();
		if (available == null) {
			throw new InvalidDingTalkPropertyException("dingtalk.app-key",
					"is not set but dingtalk.jsapi.enabled is true",
					"set dingtalk.app-key and dingtalk.app-secret, which the JSAPI ticket needs");
		}
		return new DdConfigHandler(available, origins);
	}

	@Bean
	@ConditionalOnMissingBean(name = "dingTalkDdConfigRoute")
	RouterFunction<ServerResponse> dingTalkDdConfigRoute(DdConfigHandler handler, DingTalkProperties properties) {
		String path = properties.getJsapi().getPath();
		if (!StringUtils.hasText(path) || !path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
			throw new InvalidDingTalkPropertyException("dingtalk.jsapi.path", "'" + path + "' is not a path starting with '/'",
					"use a path such as /dingtalk/jsapi/config");
		}
		return RouterFunctions.route(RequestPredicates.GET(path), handler::handle);
	}

	static List<PageOrigin> allowedOrigins(List<String> configured) {
		List<PageOrigin> origins = new ArrayList<>();
		for (String origin : configured) {
			try {
				origins.add(PageOrigin.parseOrigin((origin != null) ? origin.strip() : null));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidDingTalkPropertyException("dingtalk.jsapi.allowed-origins",
						"'" + origin + "' is not an origin", "list origins as scheme://host[:port], e.g. https://app.example.com");
			}
		}
		return origins;
	}

}
