package io.dingboot.autoconfigure;

import io.dingboot.http.DingTalkClient;
import io.dingboot.user.UserApi;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class DingTalkApiAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkApiAutoConfiguration.class));

	@Test
	void withoutCredentialsThenNoApiBeans() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(UserApi.class);
		});
	}

	@Test
	void withCredentialsThenEveryApiBeanExists() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s")
			.run((context) -> assertThat(context).hasSingleBean(UserApi.class));
	}

	@Test
	void withLegacyCredentialsThenEveryApiBeanExists() {
		this.runner.withPropertyValues("dingtalk.corp-id=dingcorp", "dingtalk.corp-secret=s")
			.run((context) -> assertThat(context).hasSingleBean(UserApi.class));
	}

	@Test
	void userBeansWin() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s")
			.withUserConfiguration(UserBeans.class)
			.run((context) -> assertThat(context.getBean(UserApi.class)).isSameAs(context.getBean("myUsers")));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		UserApi myUsers(DingTalkClient client) {
			return new UserApi(client);
		}

	}

}
