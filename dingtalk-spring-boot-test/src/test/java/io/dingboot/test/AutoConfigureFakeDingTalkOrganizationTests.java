package io.dingboot.test;

import java.util.Map;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(properties = { "dingtalk.app-key=overridden", "dingtalk.app-secret=overridden" })
@AutoConfigureFakeDingTalk(organization = "classpath:io/dingboot/test/org.yml")
class AutoConfigureFakeDingTalkOrganizationTests {

	@Autowired
	private FakeDingTalk fake;

	@Autowired
	private DingTalkClient client;

	@Value("${dingtalk.app-key}")
	private String appKey;

	@Test
	void organizationFromYamlIsServedAndItsAppCredentialsWin() {
		assertThat(this.fake.organization().name()).isEqualTo("测试公司");
		assertThat(this.appKey).isEqualTo("dingtestkey");
		assertThat(this.client.execute(DingTalkRequest.post("/topapi/user/listid")
			.body(Map.of("dept_id", 10))
			.build()).path("result").path("userid_list").toString()).isEqualTo("[\"alice\"]");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.client
			.execute(DingTalkRequest.post("/topapi/v2/department/get").body(Map.of("dept_id", 2)).build()))
			.satisfies((ex) -> assertThat(ex.getEffectiveCode()).isEqualTo(60003));
	}

}
