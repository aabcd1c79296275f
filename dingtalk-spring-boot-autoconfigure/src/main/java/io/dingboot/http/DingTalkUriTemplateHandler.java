package io.dingboot.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.web.util.UriTemplateHandler;
import org.springframework.web.util.UriUtils;

/**
 * Expands DingBoot's own URI templates ({@code /path?name={q0}&...}) against the base URL without
 * parsing them each time: the variables are percent-encoded and put in place. What
 * {@code RestTemplate} logs and observes stays the template.
 */
final class DingTalkUriTemplateHandler implements UriTemplateHandler {

	private final String baseUrl;

	DingTalkUriTemplateHandler(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@Override
	public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
		StringBuilder uri = new StringBuilder(this.baseUrl.length() + uriTemplate.length() + 32).append(this.baseUrl);
		int from = 0;
		int open;
		while ((open = uriTemplate.indexOf('{', from)) >= 0) {
			int close = uriTemplate.indexOf('}', open);
			if (close < 0) {
				break;
			}
			uri.append(uriTemplate, from, open);
			Object value = uriVariables.get(uriTemplate.substring(open + 1, close));
			if (value != null) {
				uri.append(UriUtils.encode(value.toString(), StandardCharsets.UTF_8));
			}
			from = close + 1;
		}
		uri.append(uriTemplate, from, uriTemplate.length());
		return URI.create(uri.toString());
	}

	@Override
	public URI expand(String uriTemplate, Object... uriVariables) {
		throw new UnsupportedOperationException("DingBoot expands named variables only");
	}

}
