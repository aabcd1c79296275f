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
				+ "\"title\":null,\"deptIds\":[],\"boss\":false,\"leader\":false}");
		assertThat(user.getName()).isEqualTo("zhangsan");
	}

	@Test
	void userFromGetUserInfoCarriesAdminFlagsAndNoPrincipalNameOrDisplayNameProperty() {
		DingTalkUser user = DingTalkUser.of(new UserInfo("lisi", "ul", null, "李四", "device", true, 2));
		assertThat(this.mapper.writeValueAsString(user)).isEqualTo("{\"userid\":\"lisi\",\"unionid\":\"ul\","
				+ "\"name\":\"李四\",\"admin\":true,\"adminLevel\":2,\"detailsFetched\":false,\"avatar\":null,"
				+ "\"title\":null,\"deptIds\":[],\"boss\":false,\"leader\":false}");
		assertThat(this.mapper.writeValueAsString(user)).doesNotContain("displayName").doesNotContain("device");
	}

}
