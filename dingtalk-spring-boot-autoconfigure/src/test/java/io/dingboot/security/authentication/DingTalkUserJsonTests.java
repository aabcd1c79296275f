package io.dingboot.security.authentication;

import io.dingboot.user.UserInfo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON shape of {@link DingTalkUser}, which the login answer shares.
 */
class DingTalkUserJsonTests {

	private final JsonMapper mapper = JsonMapper.shared();

	@Test
	void userWithoutDetailsHasNameAsDisplayNameAndUseridSeparately() {
		DingTalkUser user = DingTalkUser.of("zhangsan", "张三");
		assertThat(this.mapper.writeValueAsString(user)).isEqualTo("{\"userid\":\"zhangsan\",\"unionid\":null,"
				+ "\"name\":\"张三\",\"admin\":false,\"adminLevel\":0,\"detailsFetched\":false,\"avatar\":null,"
				+ "\"title\":null,\"deptIds\":[],\"boss\":false,\"leader\":false,\"app\":\"default\",\"corpId\":null}");
		assertThat(user.getName()).isEqualTo("zhangsan");
	}

	@Test
	void userFromGetUserInfoCarriesAdminFlagsAndNoPrincipalNameOrDisplayNameProperty() {
		DingTalkUser user = DingTalkUser.of(new UserInfo("lisi", "ul", null, "李四", "device", true, 2));
		assertThat(this.mapper.writeValueAsString(user)).isEqualTo("{\"userid\":\"lisi\",\"unionid\":\"ul\","
				+ "\"name\":\"李四\",\"admin\":true,\"adminLevel\":2,\"detailsFetched\":false,\"avatar\":null,"
				+ "\"title\":null,\"deptIds\":[],\"boss\":false,\"leader\":false,\"app\":\"default\",\"corpId\":null}");
		assertThat(this.mapper.writeValueAsString(user)).doesNotContain("displayName").doesNotContain("device");
	}

	@Test
	void userOfANamedAppCarriesTheAppNameAndCorpIdAndKeepsThemWithDetails() {
		DingTalkUser user = DingTalkUser.of("hr", "dinghrcorp", new UserInfo("lisi", "ul", null, "李四", null, false, 0));
		assertThat(user.getAppName()).isEqualTo("hr");
		assertThat(user.getCorpId()).isEqualTo("dinghrcorp");
		assertThat(user.getName()).isEqualTo("lisi");
		assertThat(this.mapper.writeValueAsString(user)).endsWith(",\"app\":\"hr\",\"corpId\":\"dinghrcorp\"}");
		assertThat(user).isNotEqualTo(DingTalkUser.of(new UserInfo("lisi", "ul", null, "李四", null, false, 0)));
		assertThat(user.toString()).isEqualTo("DingTalkUser{app=hr, corpId=dinghrcorp, userid=lisi, name=李四, admin=false}");
	}

}
