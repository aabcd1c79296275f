package io.dingboot.jsapi.web;

import java.util.List;

import io.dingboot.DingTalkApiException;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.jsapi.DdConfig;
import io.dingboot.jsapi.JsapiSigner;
import io.dingboot.web.JsonAnswers;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The dd.config endpoint: {@code GET {path}?url=<page URL>} answers exactly
 * {@code {agentId, corpId, timeStamp, nonceStr, signature}} for that page, signed by the app
 * {@code default}; {@code GET {path}?url=<page URL>&app=<name>} by the app {@code <name>}, with
 * its corp id, agent id and JSAPI ticket. An app that does not sign pages (unknown, left out with
 * {@code dingtalk.apps.<name>.jsapi.enabled=false}, or without corp id or agent id) answers
 * {@code 404} JSON ({@code unknown_app}), naming no configured app. It signs only pages of
 * an allowed origin, by default the origin of the request itself (its scheme, host and port as the
 * servlet container reports them, which honour forwarded headers only with
 * {@code server.forward-headers-strategy} set), so that another site cannot borrow the app's JSAPI
 * rights. A missing, malformed or foreign {@code url} answers {@code 400} JSON
 * ({@code invalid_url}, {@code origin_not_allowed}), a query string that is not URL-encoded
 * {@code 400 invalid_request}; a ticket that cannot be fetched answers
 * {@code 503} JSON ({@code dingtalk_unavailable}, with {@code Retry-After} when DingTalk throttles).
 */
public final class DdConfigHandler {

	/** Longest accepted page URL. */
	public static final int MAX_URL_LENGTH = 2048;

	private static final Logger logger = LoggerFactory.getLogger(DdConfigHandler.class);

	private final JsapiSigners signers;

	private final List<PageOrigin> allowedOrigins;

	/**
	 * Create a handler for one app, {@code default}.
	 * @param signer the signer
	 * @param allowedOrigins the origins whose pages may be signed; empty for the request's own origin
	 */
	public DdConfigHandler(JsapiSigner signer, List<PageOrigin> allowedOrigins) {
		this(JsapiSigners.single(signer), allowedOrigins);
	}

	/**
	 * Create a handler for the apps that sign pages.
	 * @param signers the signers by app name
	 * @param allowedOrigins the origins whose pages may be signed; empty for the request's own origin
	 */
	public DdConfigHandler(JsapiSigners signers, List<PageOrigin> allowedOrigins) {
		Assert.notNull(signers, "'signers' must not be null");
		Assert.notNull(allowedOrigins, "'allowedOrigins' must not be null");
		this.signers = signers;
		this.allowedOrigins = List.copyOf(allowedOrigins);
	}

	/**
	 * Answer one dd.config request.
	 * @param request the request
	 * @return the answer
	 */
	public ServerResponse handle(ServerRequest request) {
		String url;
		String appName;
		try {
			url = request.param("url").orElse(null);
			appName = request.param("app").orElse(DingTalkApps.DEFAULT);
		}
		catch (IllegalStateException ex) {
			// Tomcat's InvalidParameterException: the query string is not URL-encoded
			logger.debug("Refused a dd.config request whose query string is not URL-encoded");
			return error(HttpStatus.BAD_REQUEST, "invalid_request", "The query string is not URL-encoded");
		}
		JsapiSigner signer = this.signers.find(appName);
		if (signer == null) {
			return error(HttpStatus.NOT_FOUND, "unknown_app", "No DingTalk app signs dd.config under this name");
		}
		if (url == null || url.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, "invalid_url", "The query parameter 'url' is missing");
		}
		if (url.length() > MAX_URL_LENGTH) {
			return error(HttpStatus.BAD_REQUEST, "invalid_url", "'url' is longer than " + MAX_URL_LENGTH + " characters");
		}
		PageOrigin origin;
		try {
			origin = PageOrigin.parseUrl(url);
			JsapiSigner.normalizeUrl(url);
		}
		catch (IllegalArgumentException ex) {
			return error(HttpStatus.BAD_REQUEST, "invalid_url", "'url' must be the page's absolute http(s) URL");
		}
		if (!isAllowed(origin, request.servletRequest())) {
			return error(HttpStatus.BAD_REQUEST, "origin_not_allowed",
					"Pages of " + origin + " may not be signed by this server");
		}
		try {
			DdConfig config = signer.sign(url);
			return ServerResponse.ok()
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.APPLICATION_JSON)
				.body(config);
		}
		catch (DingTalkApiException ex) {
			logger.warn("dd.config could not be signed: {}", ex.getMessage());
			ServerResponse.BodyBuilder builder = ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE);
			if (ex.isThrottled()) {
				builder.header(HttpHeaders.RETRY_AFTER, "1");
			}
			return body(builder, "dingtalk_unavailable", "The JSAPI ticket cannot be fetched from DingTalk; try again later");
		}
	}

	private boolean isAllowed(PageOrigin origin, HttpServletRequest request) {
		if (!this.allowedOrigins.isEmpty()) {
			return this.allowedOrigins.contains(origin);
		}
		try {
			return origin.equals(PageOrigin.of(request.getScheme(), request.getServerName(), request.getServerPort()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static ServerResponse error(HttpStatus status, String error, String message) {
		return body(ServerResponse.status(status), error, message);
	}

	private static ServerResponse body(ServerResponse.BodyBuilder builder, String error, String message) {
		return builder.build((request, response) -> {
			JsonAnswers.writeError(response, response.getStatus(), error, message);
			return null;
		});
	}

	@Override
	public String toString() {
		return "DdConfigHandler{allowedOrigins=" + this.allowedOrigins + "}";
	}

}
