package io.dingboot.http;

import org.springframework.web.client.RestClient;

/**
 * Callback to customize the {@link RestClient.Builder} of DingBoot's own client for DingTalk (and
 * only that one): add an interceptor, change the request factory, set default headers. Declare it
 * as a bean; customizers run in order, after DingBoot has applied its request factory and timeouts
 * and before it adds its access-token interceptor, which stays the last one, so a customizer's
 * interceptors see every DingTalk call but never a token or a secret.
 * <p>
 * Boot's {@code RestClientCustomizer} beans apply to DingBoot's client too (it is built from Boot's
 * {@code RestClient.Builder}); this one applies to DingBoot's client only.
 */
@FunctionalInterface
public interface DingTalkRestClientCustomizer {

	/**
	 * Customize the builder of DingBoot's {@code RestClient}.
	 * @param builder the builder
	 */
	void customize(RestClient.Builder builder);

}
