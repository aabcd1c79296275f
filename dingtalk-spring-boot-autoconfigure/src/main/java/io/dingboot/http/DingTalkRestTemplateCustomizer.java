package io.dingboot.http;

import org.springframework.web.client.RestTemplate;

/**
 * Callback to customize a {@link RestTemplate} for DingBoot's client for DingTalk (and only that
 * one): add an interceptor, change the request factory. Declare it as a bean. DingBoot runs on
 * {@code RestClient}: it hands the customizers a {@code RestTemplate} on its own request factory and
 * then takes the template's request factory and interceptors over into its {@code RestClient}.
 * Anything else set on the template (error handler, URI handler, converters) is not used.
 * @deprecated since 0.1.0 for removal, as {@code RestTemplate} is deprecated by Spring Framework
 * 7.1; declare a {@link DingTalkRestClientCustomizer} instead ({@code builder.requestInterceptor(...)},
 * {@code builder.requestFactory(...)}), or hand DingBoot a whole {@code RestTemplate} as the bean
 * named {@value DingTalkTransport#REST_TEMPLATE_BEAN_NAME}
 */
@Deprecated(since = "0.1.0", forRemoval = true)
@FunctionalInterface
public interface DingTalkRestTemplateCustomizer {

	/**
	 * Customize the DingTalk {@code RestTemplate}.
	 * @param restTemplate the template
	 */
	void customize(RestTemplate restTemplate);

}
