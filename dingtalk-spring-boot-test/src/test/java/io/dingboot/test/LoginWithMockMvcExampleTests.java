package io.dingboot.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "dingtalk.login.enabled=true")
@AutoConfigureMockMvc
@AutoConfigureFakeDingTalk
class LoginWithMockMvcExampleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeDingTalk fake;

	@Test
	@WithDingTalkUser("zhangsan")
	void memberSeesTheirProfile() throws Exception {
		this.mvc.perform(get("/api/me"))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"userid":"zhangsan","name":"张三","admin":false,"title":"研发经理","deptIds":[2],
					 "leader":true,"authorities":["ROLE_DINGTALK_USER"]}""", true));
		assertThat(this.fake.callCount("/topapi/v2/user/getuserinfo")).isZero(); // the fake is not called
	}

	@Test
	@WithDingTalkUser("admin01")
	void administratorGetsTheAdminRole() throws Exception {
		this.mvc.perform(get("/api/me"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.authorities").value(org.hamcrest.Matchers.contains("ROLE_DINGTALK_USER",
					"ROLE_DINGTALK_ADMIN")));
	}

	@Test
	@WithDingTalkUser(value = "guest01", name = "访客", deptIds = 3, title = "实习生")
	void userOutsideTheFakeOrganisationComesFromTheAnnotation() throws Exception {
		this.mvc.perform(get("/api/me"))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"userid":"guest01","name":"访客","admin":false,"title":"实习生","deptIds":[3],
					 "leader":false,"authorities":["ROLE_DINGTALK_USER"]}""", true));
	}

	@Test
	@WithDingTalkUser("lisi")
	void writesNeedTheCsrfToken() throws Exception {
		this.mvc.perform(post("/api/notes").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
				{"text":"周报已提交"}"""))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"by":"李四","text":"周报已提交"}""", true));
		this.mvc.perform(post("/api/notes").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void anonymousGets401() throws Exception {
		this.mvc.perform(get("/api/me").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
	}

}
