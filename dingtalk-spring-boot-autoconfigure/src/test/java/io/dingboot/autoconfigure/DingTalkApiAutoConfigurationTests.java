package io.dingboot.autoconfigure;

import io.dingboot.ApiWireMock;
import io.dingboot.DingTalkApiException;
import io.dingboot.department.DepartmentApi;
import io.dingboot.http.DingTalkClient;
import io.dingboot.media.MediaApi;
import io.dingboot.media.MediaLimits;
import io.dingboot.media.MediaType;
import io.dingboot.message.Message;
import io.dingboot.message.WorkNotification;
import io.dingboot.message.WorkNotificationApi;
import io.dingboot.user.UserApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DingTalkApiAutoConfigurationTests {

	@RegisterExtension
	static final ApiWireMock dingTalk = new ApiWireMock();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkApiAutoConfiguration.class));

	@Test
	void withoutCredentialsThenNoApiBeans() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(UserApi.class)
				.doesNotHaveBean(DepartmentApi.class)
				.doesNotHaveBean(WorkNotificationApi.class)
				.doesNotHaveBean(MediaApi.class);
		});
	}

	@Test
	void withCredentialsThenEveryApiBeanExists() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s")
			.run((context) -> assertThat(context).hasSingleBean(UserApi.class)
				.hasSingleBean(DepartmentApi.class)
				.hasSingleBean(WorkNotificationApi.class)
				.hasSingleBean(MediaApi.class));
	}

	@Test
	void apiBeansAreCreatedOnlyWhenFirstAskedFor() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s").run((context) -> {
			String[] names = { "dingTalkDepartmentApi", "dingTalkUserApi", "dingTalkWorkNotificationApi",
					"dingTalkMediaApi" };
			for (String name : names) {
				assertThat(context.getBeanFactory().containsSingleton(name)).as(name).isFalse();
			}
			UserApi userApi = context.getBean(UserApi.class);
			assertThat(context.getBeanFactory().containsSingleton("dingTalkUserApi")).isTrue();
			assertThat(context.getBean(UserApi.class)).isSameAs(userApi);
			assertThat(context.getBeanFactory().containsSingleton("dingTalkDepartmentApi")).isFalse();
		});
	}

	@Test
	void withLegacyCredentialsThenEveryApiBeanExists() {
		this.runner.withPropertyValues("dingtalk.corp-id=dingcorp", "dingtalk.corp-secret=s")
			.run((context) -> assertThat(context).hasSingleBean(UserApi.class)
				.hasSingleBean(DepartmentApi.class)
				.hasSingleBean(WorkNotificationApi.class)
				.hasSingleBean(MediaApi.class));
	}

	@Test
	void userBeansWin() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s")
			.withUserConfiguration(UserBeans.class)
			.run((context) -> {
				assertThat(context.getBean(UserApi.class)).isSameAs(context.getBean("myUsers"));
				assertThat(context.getBean(DepartmentApi.class)).isSameAs(context.getBean("myDepartments"));
				assertThat(context.getBean(WorkNotificationApi.class)).isSameAs(context.getBean("myNotifications"));
				assertThat(context.getBean(MediaApi.class)).isSameAs(context.getBean("myMedia"));
			});
	}

	@Test
	void agentIdAndMediaLimitsComeFromProperties() {
		dingTalk.reset();
		dingTalk.stubPost("/topapi/message/corpconversation/asyncsend_v2", "{\"errcode\":0,\"task_id\":5}");
		this.runner
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.agent-id=836390886",
					"dingtalk.media.max-image-size=3B", "dingtalk.base-url=" + dingTalk.baseUrl())
			.run((context) -> {
				context.getBean(WorkNotificationApi.class)
					.send(WorkNotification.toUsers("u").message(Message.text("你好")).build());
				assertThatExceptionOfType(DingTalkApiException.class)
					.isThrownBy(() -> context.getBean(MediaApi.class).upload(MediaType.IMAGE, new byte[4], "a.png"))
					.withMessageContaining("limit of 3 bytes");
			});
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"))
				.withRequestBody(equalToJson(
						"{\"agent_id\":836390886,\"userid_list\":\"u\",\"msg\":{\"msgtype\":\"text\",\"text\":{\"content\":\"你好\"}}}")));
	}

	@Test
	void throughBootsRestTemplateBuilderJsonAndMultipartCallsReachDingTalk() {
		dingTalk.reset();
		dingTalk.stubPost("/topapi/v2/user/get", "{\"errcode\":0,\"result\":{\"userid\":\"u\",\"name\":\"张三\"}}");
		dingTalk.stubPost("/media/upload", "{\"errcode\":0,\"media_id\":\"@m\",\"created_at\":1,\"type\":\"image\"}");
		byte[] png = { 1, 2, 3 };
		this.runner
			.withConfiguration(AutoConfigurations.of(HttpMessageConvertersAutoConfiguration.class,
					RestTemplateAutoConfiguration.class))
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.base-url=" + dingTalk.baseUrl())
			.run((context) -> {
				assertThat(context.getBean(UserApi.class).get("u").name()).isEqualTo("张三");
				assertThat(context.getBean(MediaApi.class).upload(MediaType.IMAGE, png, "a.png").mediaId())
					.isEqualTo("@m");
			});
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/v2/user/get"))
				.withQueryParam("access_token", equalTo("t"))
				.withRequestBody(equalToJson("{\"userid\":\"u\"}")));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/media/upload")).withQueryParam("type", equalTo("image"))
				.withRequestBodyPart(aMultipart("type").withBody(equalTo("image")).build())
				.withRequestBodyPart(aMultipart("media").withBody(binaryEqualTo(png)).build()));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		UserApi myUsers(DingTalkClient client) {
			return new UserApi(client);
		}

		@Bean
		DepartmentApi myDepartments(DingTalkClient client) {
			return new DepartmentApi(client, 1, 5);
		}

		@Bean
		WorkNotificationApi myNotifications(DingTalkClient client) {
			return new WorkNotificationApi(client, 1L);
		}

		@Bean
		MediaApi myMedia(DingTalkClient client) {
			return new MediaApi(client, MediaLimits.defaults());
		}

	}

}
