package io.dingboot.autoconfigure;

import io.dingboot.V1ApiWireMock;
import io.dingboot.card.CardApi;
import io.dingboot.card.CardRequest;
import io.dingboot.card.CardTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class DingTalkCardAutoConfigurationTests {

	@RegisterExtension
	static final V1ApiWireMock dingTalk = new V1ApiWireMock();

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkCardAutoConfiguration.class));

	@Test
	void withoutCredentialsThenNoCardApi() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(CardApi.class);
		});
	}

	@Test
	void withCredentialsThenCardApiExistsLazilyAndStreamsAtTwoUpdatesPerSecond() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s").run((context) -> {
			assertThat(context.getBeanFactory().containsSingleton("dingTalkCardApi")).isFalse();
			assertThat(context).hasSingleBean(CardApi.class);
			assertThat(context.getBean(CardApi.class).toString()).contains("streamInterval=PT0.5S");
		});
	}

	@Test
	void streamingRateIsConfigurable() {
		this.runner
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s",
					"dingtalk.card.streaming.max-updates-per-second=5")
			.run((context) -> assertThat(context.getBean(CardApi.class).toString()).contains("streamInterval=PT0.2S"));
	}

	@Test
	void streamingRateBelowOneFailsAtStartupNamingTheProperty() {
		this.runner
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s",
					"dingtalk.card.streaming.max-updates-per-second=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidDingTalkPropertyException.class)
				.hasMessageContaining("dingtalk.card.streaming.max-updates-per-second"));
	}

	@Test
	void cardApiDeliversAsTheAppsRobotThroughTheApiBaseUrl() {
		dingTalk.reset();
		dingTalk.stub("POST", "/v1.0/card/instances/createAndDeliver", 200,
				"{\"success\":true,\"result\":{\"outTrackId\":\"c1\",\"deliverResults\":[]}}");
		this.runner
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.robot-code=dingrobot",
					"dingtalk.base-url=" + dingTalk.baseUrl(), "dingtalk.api-base-url=" + dingTalk.baseUrl())
			.run((context) -> {
				context.getBean(CardApi.class)
					.createAndDeliver(CardRequest.builder("tpl").outTrackId("c1").to(CardTarget.group("cid1")).build());
				dingTalk.server()
					.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1.0/card/instances/createAndDeliver"))
						.withHeader(V1ApiWireMock.TOKEN_HEADER, equalTo("t"))
						.withRequestBody(equalToJson("{\"imGroupOpenDeliverModel\":{\"robotCode\":\"dingrobot\"}}", true,
								true)));
			});
	}

	@Test
	void userDefinedCardApiWins() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s")
			.withUserConfiguration(UserCards.class)
			.run((context) -> assertThat(context.getBean(CardApi.class).toString()).contains("streamInterval=PT1S"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserCards {

		@Bean
		CardApi myCards() {
			return new CardApi(dingTalk.reset(), "mine", 1, java.time.Clock.systemUTC());
		}

	}

}
