package io.dingboot.http;

import org.springframework.web.client.RestTemplate;

/**
 * Callback to customize the {@link RestTemplate} DingBoot uses for DingTalk (and only that one):
 * add an interceptor, change the request factory. Declare it as a bean.
 */
@FunctionalInterface
public interface DingTalkRestTemplateCustomizer {

	/**
	 * Customize the DingTalk {@code RestTemplate}.
	 * @param restTemplate the template
	 */
	void customize(RestTemplate restTemplate);

}
