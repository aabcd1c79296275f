package io.dingboot.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriBuilderFactory;
import org.springframework.web.util.UriUtils;

/**
 * Expands DingBoot's own absolute URI templates ({@code https://host/path/{userId}?name={q0}&...}) without
 * parsing them: the variables are percent-encoded and put in place. {@code RestClient} records
 * the template for logging and observation, which therefore never holds a value; everything else
 * is left to a {@link DefaultUriBuilderFactory}.
 */
final class DingTalkUriBuilderFactory implements UriBuilderFactory {

	private final DefaultUriBuilderFactory delegate = new DefaultUriBuilderFactory();

	@Override
	public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
		int open = uriTemplate.indexOf('{');
		if (open < 0) {
			return URI.create(uriTemplate);
		}
		StringBuilder uri = new StringBuilder(uriTemplate.length() + 32);
		int from = 0;
		while (open >= 0) {
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
			open = uriTemplate.indexOf('{', from);
		}
		uri.append(uriTemplate, from, uriTemplate.length());
		return URI.create(uri.toString());
	}

	@Override
	public URI expand(String uriTemplate, Object... uriVariables) {
		return this.delegate.expand(uriTemplate, uriVariables);
	}

	@Override
	public UriBuilder uriString(String uriTemplate) {
		return this.delegate.uriString(uriTemplate);
	}

	@Override
	public UriBuilder builder() {
		return this.delegate.builder();
	}

}
