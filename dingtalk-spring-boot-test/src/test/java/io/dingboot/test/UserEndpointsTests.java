package io.dingboot.test;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static io.dingboot.test.FakeHttp.assertAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UserEndpointsTests extends FakeHttpTestSupport {

	private static final MutableClock clock = new MutableClock();

	@RegisterExtension
	static final FakeDingTalkExtension dingTalk = new FakeDingTalkExtension(FakeDingTalk.builder().clock(clock));

	@Test
	void getuserinfoWithIssuedCodeAnswersUserOnce() {
		String code = this.fake.issueAuthCode("admin01");
		JsonNode answer = this.http.call("/topapi/v2/user/getuserinfo", Map.of("code", code));
		FakeUser admin = this.fake.organization().user("admin01").orElseThrow();
		String deviceId = answer.path("result").path("device_id").asString();
		assertAnswer(answer, true, "{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"userid\":\"admin01\",\"unionid\":\""
				+ admin.unionid() + "\",\"associated_unionid\":\"\",\"device_id\":\"" + deviceId
				+ "\",\"sys\":true,\"sys_level\":1,\"name\":\"管理员\"}}");
		assertAnswer(this.http.call("/topapi/v2/user/getuserinfo", Map.of("code", code)), true,
				"{\"errcode\":40078,\"errmsg\":\"不存在的临时授权码\"}");
	}

	@Test
	void getuserinfoForBossAnswersSysLevel100() {
		JsonNode result = this.http.call("/topapi/v2/user/getuserinfo", Map.of("code", this.fake.issueAuthCode("manager01")))
			.path("result");
		assertThat(result.path("sys").asBoolean()).isFalse();
		assertThat(result.path("sys_level").asInt()).isEqualTo(100);
	}

	@Test
	void getuserinfoWithCodeOlderThanFiveMinutesAnswers40078() {
		String code = this.fake.issueAuthCode("lisi");
		clock.advance(Duration.ofMinutes(5));
		assertThat(this.http.call("/topapi/v2/user/getuserinfo", Map.of("code", code)).path("errcode").asInt()).isEqualTo(40078);
	}

	@Test
	void getuserinfoWithUnknownCodeAnswers40078() {
		assertThat(this.http.call("/topapi/v2/user/getuserinfo", Map.of("code", "nope")).path("errcode").asInt())
			.isEqualTo(40078);
	}

	@Test
	void issueAuthCodeForUnknownUserFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.issueAuthCode("nobody"));
	}

	@Test
	void userGetAnswersAllFields() {
		FakeOrganization organization = FakeOrganization.builder()
			.app(FakeApp.demo())
			.department(2, "研发部", 1)
			.user(FakeUser.builder("u1")
				.unionid("union1")
				.name("张三")
				.avatar("https://example.com/a.png")
				.managerUserid("boss")
				.mobile("13800000000")
				.telephone("0571-1")
				.jobNumber("E1")
				.title("工程师")
				.email("u1@example.com")
				.workPlace("杭州")
				.remark("备注")
				.loginId("zhangsan")
				.orgEmail("u1@corp.example.com")
				.leaderOf(2)
				.departments(1)
				.extension("{\"爱好\":\"旅游\"}")
				.hiredDate(1597573616828L)
				.senior(true)
				.admin(true)
				.role(1, "负责人", "默认")
				.build())
			.build();
		try (FakeDingTalk own = FakeDingTalk.start(organization)) {
			FakeHttp ownHttp = new FakeHttp(own);
			JsonNode answer = ownHttp.postJson("/topapi/v2/user/get?access_token=" + ownHttp.token(),
					Map.of("userid", "u1", "language", "zh_CN"));
			assertAnswer(answer, true, """
					{"errcode":0,"errmsg":"ok","result":{"userid":"u1","unionid":"union1","name":"张三",
					"avatar":"https://example.com/a.png","state_code":"86","manager_userid":"boss","mobile":"13800000000",
					"hide_mobile":false,"telephone":"0571-1","job_number":"E1","title":"工程师","email":"u1@example.com",
					"work_place":"杭州","remark":"备注","login_id":"zhangsan","exclusive_account":false,
					"org_email":"u1@corp.example.com","dept_id_list":[2,1],
					"dept_order_list":[{"dept_id":2,"order":176000000},{"dept_id":1,"order":176000000}],
					"extension":"{\\"爱好\\":\\"旅游\\"}","hired_date":1597573616828,"active":true,"real_authed":true,
					"senior":true,"admin":true,"boss":false,
					"leader_in_dept":[{"dept_id":2,"leader":true},{"dept_id":1,"leader":false}],
					"role_list":[{"id":1,"name":"负责人","group_name":"默认"}],
					"dept_position_list":[{"dept_id":2,"is_main":true,"title":"工程师","work_place":"杭州"},
					{"dept_id":1,"is_main":false,"title":"工程师","work_place":"杭州"}]}}""");
		}
	}

	@Test
	void userGetWithFormBodyAnswersUser() {
		JsonNode answer = this.http.postForm("/topapi/v2/user/get?access_token=" + this.http.accessToken(), "userid=zhangsan");
		assertThat(answer.path("result").path("name").asString()).isEqualTo("张三");
	}

	@Test
	void userGetWithUnknownUseridAnswers33012() {
		assertAnswer(this.http.call("/topapi/v2/user/get", Map.of("userid", "nobody")), true,
				"{\"errcode\":33012,\"errmsg\":\"无效的USERID\"}");
	}

	@Test
	void userGetWithoutUseridAnswers400002() {
		assertThat(this.http.call("/topapi/v2/user/get", Map.of()).path("errcode").asInt()).isEqualTo(400002);
	}

	@Test
	void listidAnswersDirectMembers() {
		assertAnswer(this.http.call("/topapi/user/listid", Map.of("dept_id", 2)), true,
				"{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"userid_list\":[\"zhangsan\",\"lisi\"]}}");
	}

	@Test
	void listidWithUnknownDepartmentAnswers60003() {
		assertAnswer(this.http.call("/topapi/user/listid", Map.of("dept_id", 999)), true,
				"{\"errcode\":60003,\"errmsg\":\"部门不存在\"}");
	}

	@Test
	void listsimplePagesWithCursor() {
		assertAnswer(this.http.call("/topapi/user/listsimple", Map.of("dept_id", 1, "cursor", 0, "size", 1)), true,
				"{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"has_more\":true,\"next_cursor\":1,"
						+ "\"list\":[{\"userid\":\"manager01\",\"name\":\"王总\"}]}}");
		assertAnswer(this.http.call("/topapi/user/listsimple", Map.of("dept_id", 1, "cursor", 1, "size", 100)), true,
				"{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"has_more\":false,"
						+ "\"list\":[{\"userid\":\"admin01\",\"name\":\"管理员\"}]}}");
	}

	@Test
	void listsimpleWithSizeOutOfRangeAnswers40069() {
		assertThat(this.http.call("/topapi/user/listsimple", Map.of("dept_id", 1, "cursor", 0, "size", 0)).path("errcode")
			.asInt()).isEqualTo(40069);
		assertThat(this.http.call("/topapi/user/listsimple", Map.of("dept_id", 1, "cursor", 0, "size", 101)).path("errcode")
			.asInt()).isEqualTo(40069);
	}

	@Test
	void getbyunionidAnswersUserid() {
		String unionid = this.fake.organization().user("lisi").orElseThrow().unionid();
		assertAnswer(this.http.call("/topapi/user/getbyunionid", Map.of("unionid", unionid)), true,
				"{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"contact_type\":0,\"userid\":\"lisi\"}}");
	}

	@Test
	void getbyunionidWithUnknownUnionidAnswers60121() {
		assertAnswer(this.http.call("/topapi/user/getbyunionid", Map.of("unionid", "nope")), true,
				"{\"errcode\":60121,\"errmsg\":\"找不到该用户\"}");
	}

}
