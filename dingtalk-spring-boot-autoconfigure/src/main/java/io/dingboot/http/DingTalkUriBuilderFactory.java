package io.dingboot.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriBuilderFactory;
import org.springframework.web.util.UriUtils;

/**
 * Expands DingBoot's own absolute URI templates ({@code https://host/path/{userId}?name={q0}&...}) without
 * parsing them: the variables are percent-encoded and put in place. {@code RestClient} records
 * the template for logging and observation, which therefore never holds a value; everything else
 * is left to a {@link DefaultUriBuilderFactory}.
 * <p>
 * A call's template is one of a few per API, so what costs a parse on every call is kept per
 * template (up to {@value #MAX_CACHED_TEMPLATES} templates): the URI of a template without
 * variables, and the string {@code RestClient} records for observation.
 */
final class DingTalkUriBuilderFactory implements UriBuilderFactory {

	/** Templates whose URI and recorded form are kept; further ones are parsed on every call. */
	static final int MAX_CACHED_TEMPLATES = 512;

	private final DefaultUriBuilderFactory delegate = new DefaultUriBuilderFactory();

	private final ConcurrentMap<String, URI> uris = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, String> uriStrings = new ConcurrentHashMap<>();

	@Override
	public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
		int open = uriTemplate.indexOf('{');
		if (open < 0) {
			return cached(this.uris, uriTemplate, URI::create);
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

	/**
	 * A builder for {@code uriTemplate} that is parsed only when it is changed or built: what
	 * {@code RestClient} asks of it on every call, {@link UriBuilder#toUriString()}, is the
	 * {@link DefaultUriBuilderFactory}'s answer, kept per template.
	 */
	@Override
	public UriBuilder uriString(String uriTemplate) {
		return new TemplateUriBuilder(uriTemplate);
	}

	@Override
	public UriBuilder builder() {
		return this.delegate.builder();
	}

	private static <T> T cached(ConcurrentMap<String, T> cache, String template, Function<String, T> compute) {
		T value = cache.get(template);
		if (value != null) {
			return value;
		}
		value = compute.apply(template);
		if (cache.size() < MAX_CACHED_TEMPLATES) {
			cache.putIfAbsent(template, value);
		}
		return value;
	}

	/**
	 * A {@link UriBuilder} of the {@link DefaultUriBuilderFactory}, made on the first change or
	 * build; until then its {@link #toUriString()} is the cached one.
	 */
	private final class TemplateUriBuilder implements UriBuilder {

		private final String template;

		private @Nullable UriBuilder builder;

		TemplateUriBuilder(String template) {
			this.template = template;
		}

		private UriBuilder builder() {
			UriBuilder builder = this.builder;
			if (builder == null) {
				builder = DingTalkUriBuilderFactory.this.delegate.uriString(this.template);
				this.builder = builder;
			}
			return builder;
		}

		@Override
		public String toUriString() {
			UriBuilder builder = this.builder;
			return (builder != null) ? builder.toUriString() : cached(DingTalkUriBuilderFactory.this.uriStrings,
					this.template, (template) -> DingTalkUriBuilderFactory.this.delegate.uriString(template).toUriString());
		}

		@Override
		public URI build(Object... uriVariables) {
			return builder().build(uriVariables);
		}

		@Override
		public URI build(Map<String, ?> uriVariables) {
			return builder().build(uriVariables);
		}

		@Override
		public UriBuilder scheme(@Nullable String scheme) {
			builder().scheme(scheme);
			return this;
		}

		@Override
		public UriBuilder userInfo(@Nullable String userInfo) {
			builder().userInfo(userInfo);
			return this;
		}

		@Override
		public UriBuilder host(@Nullable String host) {
			builder().host(host);
			return this;
		}

		@Override
		public UriBuilder port(int port) {
			builder().port(port);
			return this;
		}

		@Override
		public UriBuilder port(@Nullable String port) {
			builder().port(port);
			return this;
		}

		@Override
		public UriBuilder path(String path) {
			builder().path(path);
			return this;
		}

		@Override
		public UriBuilder replacePath(@Nullable String path) {
			builder().replacePath(path);
			return this;
		}

		@Override
		public UriBuilder pathSegment(String... pathSegments) {
			builder().pathSegment(pathSegments);
			return this;
		}

		@Override
		public UriBuilder query(String query) {
			builder().query(query);
			return this;
		}

		@Override
		public UriBuilder replaceQuery(@Nullable String query) {
			builder().replaceQuery(query);
			return this;
		}

		@Override
		public UriBuilder queryParam(String name, Object... values) {
			builder().queryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder queryParam(String name, @Nullable Collection<?> values) {
			builder().queryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder queryParamIfPresent(String name, Optional<?> value) {
			builder().queryParamIfPresent(name, value);
			return this;
		}

		@Override
		public UriBuilder queryParams(MultiValueMap<String, String> params) {
			builder().queryParams(params);
			return this;
		}

		@Override
		public UriBuilder replaceQueryParam(String name, Object... values) {
			builder().replaceQueryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder replaceQueryParam(String name, @Nullable Collection<?> values) {
			builder().replaceQueryParam(name, values);
			return this;
		}

		@Override
		public UriBuilder replaceQueryParams(MultiValueMap<String, String> params) {
			builder().replaceQueryParams(params);
			return this;
		}

		@Override
		public UriBuilder fragment(@Nullable String fragment) {
			builder().fragment(fragment);
			return this;
		}

		@Override
		public String toString() {
			return toUriString();
		}

	}

}
