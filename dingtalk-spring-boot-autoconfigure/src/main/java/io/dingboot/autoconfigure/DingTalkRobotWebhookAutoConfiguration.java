package io.dingboot.autoconfigure;

import java.util.function.Supplier;

import io.dingboot.http.DingTalkRestClientCustomizer;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.http.RetrySettings;
import io.dingboot.robot.webhook.DingTalkRobots;
import io.dingboot.robot.webhook.RobotSender;
import io.dingboot.robot.webhook.RobotWebhook;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Auto-configuration of custom group robots (自定义机器人): {@link DingTalkRobots} when any
 * {@code dingtalk.robots.<name>} is configured, and a {@link RobotSender} bean of its own when
 * exactly one is. Robots need no app credentials; they send over DingBoot's HTTP client
 * ({@code dingtalk.http.*}, the application's {@code RestClient} customizations and transport
 * listeners), signing each attempt afresh, so that the transport's own retries are not used and
 * busy answers are retried within {@code dingtalk.retry.*} by the sender.
 */
@AutoConfiguration(after = DingTalkAutoConfiguration.class, afterName = {
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration" })
@EnableConfigurationProperties({ DingTalkProperties.class, DingTalkRobotsProperties.class })
public final class DingTalkRobotWebhookAutoConfiguration {

	@Bean
	static DingTalkRobotsPropertiesValidator dingTalkRobotsPropertiesValidator() {
		return new DingTalkRobotsPropertiesValidator();
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnDingTalkRobotsCondition.class)
	@SuppressWarnings("removal")
	DingTalkRobots dingTalkRobots(DingTalkProperties properties, DingTalkRobotsProperties robotsProperties,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			@Qualifier(DingTalkTransport.REST_TEMPLATE_BEAN_NAME) ObjectProvider<RestTemplate> dingTalkRestTemplate,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> clientSettings, ObjectProvider<DingTalkRestClientCustomizer> customizers,
			ObjectProvider<io.dingboot.http.DingTalkRestTemplateCustomizer> templateCustomizers,
			ObjectProvider<DingTalkTransport.ExchangeListener> exchangeListeners) {
		Supplier<RestClient.Builder> builder = () -> DingTalkRestClientBuilders.create(properties,
				dingTalkRestTemplate.getIfAvailable(), () -> restClientBuilder.getIfAvailable(RestClient::builder),
				requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
				clientSettings.getIfAvailable(HttpClientSettings::defaults), templateCustomizers.orderedStream().toList(),
				customizers.orderedStream().toList());
		DingTalkTransport transport = new DingTalkTransport(builder, properties.baseUri(),
				DingTalkRobots.NO_TRANSPORT_RETRIES,
				DingTalkTransportListeners.exchange(exchangeListeners.orderedStream().toList()), null);
		DingTalkProperties.Retry retry = properties.getRetry();
		DingTalkRobots.Builder robots = DingTalkRobots.builder(transport)
			.retry(new RetrySettings(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff()));
		for (RobotWebhook robot : RobotWebhookSettings.robots(robotsProperties)) {
			robots.robot(robot);
		}
		return robots.build();
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnDingTalkRobotsCondition.Single.class)
	RobotSender dingTalkRobotSender(DingTalkRobots robots, DingTalkRobotsProperties properties) {
		return robots.get(properties.getRobots().keySet().iterator().next());
	}

}
