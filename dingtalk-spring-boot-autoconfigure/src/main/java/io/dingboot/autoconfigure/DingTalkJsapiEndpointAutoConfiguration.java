package io.dingboot.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dingboot.apps.DingTalkApps;
import io.dingboot.jsapi.JsapiSigner;
import io.dingboot.jsapi.web.DdConfigHandler;
import io.dingboot.jsapi.web.JsapiSigners;
import io.dingboot.jsapi.web.PageOrigin;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
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
 * Auto-configuration of the dd.config endpoint ({@code GET dingtalk.jsapi.path?url=...[&app=<name>]}),
 * on only with {@code dingtalk.jsapi.enabled=true} (or {@code dingtalk.apps.<name>.jsapi.enabled=true})
 * in a servlet web application. Every app of {@link DingTalkApps} with a corp id and an agent id
 * signs pages, the app {@code default} without {@code app}, unless
 * {@code dingtalk.apps.<name>.jsapi.enabled=false} leaves it out. With
 * {@code dingtalk.jsapi.allowed-origins} empty it warns once at startup, unless
 * {@code dingtalk.base-url} is on this machine (FakeDingTalk in a demo or a test), since the origin
 * then comes from the request itself.
 */
@AutoConfiguration(after = { DingTalkJsapiAutoConfiguration.class, DingTalkAppsAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnDingTalkFeature(DingTalkFeature.JSAPI)
public final class DingTalkJsapiEndpointAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DingTalkJsapiEndpointAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	DdConfigHandler dingTalkDdConfigHandler(ObjectProvider<DingTalkApps> apps, ObjectProvider<JsapiSigner> signer,
			DingTalkProperties properties) {
		List<PageOrigin> origins = allowedOrigins(properties.getJsapi().getAllowedOrigins());
		JsapiSigners signers = signers(apps.getIfAvailable(), signer, properties);
		if (origins.isEmpty() && !isLoopback(properties.getBaseUrl())) {
			logger.warn("dingtalk.jsapi.allowed-origins is empty, so dd.config signs pages of whatever origin a request "
					+ "arrives for: its Host header (or, with server.forward-headers-strategy, its forwarded host). "
					+ "Where the application can be reached other than through your own proxy, set "
					+ "dingtalk.jsapi.allowed-origins to the origins of your pages, e.g. https://app.example.com");
		}
		return new DdConfigHandler(signers, origins);
	}

	private static JsapiSigners signers(@Nullable DingTalkApps apps, ObjectProvider<JsapiSigner> signers,
			DingTalkProperties properties) {
		if (apps != null) {
			// the registry's apps sign with signers of their own, built on the first request
			return JsapiSigners.of(apps,
					DingTalkFeature.JSAPI.takesPart(properties.getJsapi().isEnabled(), properties.getApps()));
		}
		JsapiSigner signer = signers.getIfAvailable();
		if (signer == null) {
			throw new InvalidDingTalkPropertyException("dingtalk.app-key",
					"is not set but dingtalk.jsapi.enabled is true",
					"set dingtalk.app-key and dingtalk.app-secret, which the JSAPI ticket needs");
		}
		return JsapiSigners.single(signer);
	}

	/**
	 * Whether DingBoot talks to a DingTalk on this machine (FakeDingTalk, a demo or a test), whose
	 * JSAPI signatures grant nothing.
	 */
	static boolean isLoopback(@Nullable String baseUrl) {
		String host;
		try {
			host = (baseUrl != null) ? URI.create(baseUrl.strip()).getHost() : null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		if (host == null) {
			return false;
		}
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		return bare.equalsIgnoreCase("localhost") || bare.toLowerCase(Locale.ROOT).endsWith(".localhost")
				|| bare.matches("127(\\.[0-9]{1,3}){3}") || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1");
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
