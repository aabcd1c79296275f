package io.dingboot.department;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dingboot.ApiWireMock;
import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DepartmentApiTests {

	@RegisterExtension
	static final ApiWireMock dingTalk = new ApiWireMock();

	private DepartmentApi departments;

	@BeforeEach
	void reset() {
		this.departments = new DepartmentApi(dingTalk.reset(), 4, 1000);
	}

	@Test
	void listSubPostsDeptIdAndLanguageAndMapsEveryField() {
		dingTalk.stubPost("/topapi/v2/department/listsub", """
				{"errcode":0,"errmsg":"ok","request_id":"5um7ykyaalsj","result":[
				 {"dept_id":379495,"name":"市场部","parent_id":1,"create_dept_group":true,"auto_add_user":true,
				  "ext":"{\\"k\\":\\"v\\"}","from_union_org":false,"source_identifier":"src","tags":"标签"}]}""");
		List<Department> result = this.departments.listSub(1, Locale.CHINA);
		assertThat(result).containsExactly(
				new Department(379495, "市场部", 1, true, true, "{\"k\":\"v\"}", false, "src", "标签"));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/v2/department/listsub"))
				.withQueryParam("access_token", equalTo("t"))
				.withHeader("Content-Type", equalTo("application/json"))
				.withRequestBody(equalToJson("{\"dept_id\":1,\"language\":\"zh_CN\"}")));
	}

	@Test
	void listSubWithoutLanguageSendsOnlyDeptId() {
		dingTalk.stubPost("/topapi/v2/department/listsub", "{\"errcode\":0,\"result\":[]}");
		assertThat(this.departments.listSub(5)).isEmpty();
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/v2/department/listsub"))
				.withRequestBody(equalToJson("{\"dept_id\":5}")));
	}

	@Test
	void getMapsEveryDocumentedField() {
		dingTalk.stubPost("/topapi/v2/department/get", """
				{"errcode":0,"errmsg":"ok","request_id":"r","result":{
				 "dept_id":100,"name":"研发部","parent_id":1,"source_identifier":"s","create_dept_group":true,
				 "auto_add_user":true,"tags":"t1","from_union_org":true,"order":10,"dept_group_chat_id":"chat1",
				 "group_contain_sub_dept":true,"org_dept_owner":"owner1","dept_manager_userid_list":["m1","m2"],
				 "outer_dept":true,"outer_permit_depts":[2,3],"outer_permit_users":["u1"],"hide_dept":true,
				 "user_permits":["u2"],"dept_permits":[4],"auto_approve_apply":true,"code":"RD",
				 "member_count":12,"owning_member_count":9,"union_dept_ext":{"corp_id":"dingother","dept_id":77}}}""");
		DepartmentDetail detail = this.departments.get(100, Locale.US);
		assertThat(detail).isEqualTo(new DepartmentDetail(100, "研发部", 1, "s", true, true, "t1", true, 10L, "chat1",
				true, "owner1", List.of("m1", "m2"), true, List.of(2L, 3L), List.of("u1"), true, List.of("u2"),
				List.of(4L), true, "RD", 12L, 9L, new DepartmentDetail.UnionDeptExt("dingother", 77L)));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/v2/department/get"))
				.withQueryParam("access_token", equalTo("t"))
				.withRequestBody(equalToJson("{\"dept_id\":100,\"language\":\"en_US\"}")));
	}

	@Test
	void listSubIdsPostsDeptIdAndReturnsIds() {
		dingTalk.stubPost("/topapi/v2/department/listsubid",
				"{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"dept_id_list\":[379495,379496]},\"request_id\":\"r\"}");
		assertThat(this.departments.listSubIds(1)).containsExactly(379495L, 379496L);
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/v2/department/listsubid"))
				.withQueryParam("access_token", equalTo("t"))
				.withRequestBody(equalToJson("{\"dept_id\":1}")));
	}

	@Test
	void getWhenDepartmentDoesNotExistThenThrows60003() {
		dingTalk.stubPost("/topapi/v2/department/get", "{\"errcode\":60003,\"errmsg\":\"部门不存在\",\"request_id\":\"r\"}");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.departments.get(999))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.API_ERROR);
				assertThat(ex.getEffectiveCode()).isEqualTo(60003);
				assertThat(ex.getErrmsg()).isEqualTo("部门不存在");
				assertThat(ex.getApiPath()).isEqualTo("/topapi/v2/department/get");
			});
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/v2/department/get")));
	}

	@Test
	void callsWithDeptIdBelowOneSendNothing() {
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.departments.listSub(0))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INVALID_REQUEST))
			.withMessageContaining("dept_id must be at least 1");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.departments.get(-1));
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.departments.listSubIds(0));
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.departments.walkTree(0));
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	@Test
	void walkTreeVisitsEveryDepartmentExactlyOnce() {
		Map<Long, long[]> tree = Map.of(1L, new long[] { 2, 3, 4 }, 2L, new long[] { 5, 6 }, 3L, new long[] { 7 }, 4L,
				new long[0], 5L, new long[] { 8, 9 }, 6L, new long[0], 7L, new long[0], 8L, new long[0], 9L,
				new long[] { 10 }, 10L, new long[0]);
		tree.forEach((parent, children) -> {
			StringBuilder json = new StringBuilder("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":[");
			for (int i = 0; i < children.length; i++) {
				json.append((i > 0) ? "," : "")
					.append("{\"dept_id\":")
					.append(children[i])
					.append(",\"name\":\"部门")
					.append(children[i])
					.append("\",\"parent_id\":")
					.append(parent)
					.append('}');
			}
			json.append("]}");
			dingTalk.server()
				.stubFor(post(urlPathEqualTo("/topapi/v2/department/listsub"))
					.withRequestBody(equalToJson("{\"dept_id\":" + parent + "}"))
					.willReturn(okJson(json.toString())));
		});
		List<Department> all = this.departments.walkTree(1);
		assertThat(all).extracting(Department::deptId).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
		assertThat(all).filteredOn((d) -> d.deptId() == 10).singleElement().satisfies((d) -> {
			assertThat(d.name()).isEqualTo("部门10");
			assertThat(d.parentId()).isEqualTo(9);
		});
		for (long id = 1; id <= 10; id++) {
			dingTalk.server()
				.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/v2/department/listsub"))
					.withQueryParam("access_token", equalTo("t"))
					.withRequestBody(equalToJson("{\"dept_id\":" + id + "}")));
		}
		dingTalk.server().verify(exactly(10), postRequestedFor(urlPathEqualTo("/topapi/v2/department/listsub")));
	}

	@Test
	void walkTreeWhenDepartmentAppearsTwiceThenVisitsItOnce() {
		dingTalk.server()
			.stubFor(post(urlPathEqualTo("/topapi/v2/department/listsub"))
				.withRequestBody(equalToJson("{\"dept_id\":1}"))
				.willReturn(okJson("{\"errcode\":0,\"result\":[{\"dept_id\":2,\"parent_id\":1},{\"dept_id\":2,\"parent_id\":1}]}")));
		dingTalk.server()
			.stubFor(post(urlPathEqualTo("/topapi/v2/department/listsub"))
				.withRequestBody(equalToJson("{\"dept_id\":2}"))
				.willReturn(okJson("{\"errcode\":0,\"result\":[{\"dept_id\":1,\"parent_id\":2}]}")));
		assertThat(this.departments.walkTree(1)).extracting(Department::deptId).containsExactly(2L);
		dingTalk.server().verify(exactly(2), postRequestedFor(urlPathEqualTo("/topapi/v2/department/listsub")));
	}

	@Test
	void walkTreeWhenACallFailsThenThrowsItsError() {
		dingTalk.server()
			.stubFor(post(urlPathEqualTo("/topapi/v2/department/listsub"))
				.withRequestBody(equalToJson("{\"dept_id\":1}"))
				.willReturn(okJson("{\"errcode\":0,\"result\":[{\"dept_id\":2,\"parent_id\":1}]}")));
		dingTalk.server()
			.stubFor(post(urlPathEqualTo("/topapi/v2/department/listsub"))
				.withRequestBody(equalToJson("{\"dept_id\":2}"))
				.willReturn(okJson("{\"errcode\":50004,\"errmsg\":\"部门不在授权范围\"}")));
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.departments.walkTree(1))
			.satisfies((ex) -> assertThat(ex.getEffectiveCode()).isEqualTo(50004));
	}

	@Test
	void walkTreeSequentialWithDefaultRateVisitsEveryDepartment() {
		DepartmentApi sequential = new DepartmentApi(dingTalk.client(), 1, DepartmentApi.DEFAULT_WALK_CALLS_PER_SECOND);
		dingTalk.server()
			.stubFor(post(urlPathEqualTo("/topapi/v2/department/listsub"))
				.withRequestBody(matchingJsonPath("$.dept_id", equalTo("1")))
				.willReturn(okJson("{\"errcode\":0,\"result\":[{\"dept_id\":2,\"parent_id\":1},{\"dept_id\":3,\"parent_id\":1}]}")));
		dingTalk.server()
			.stubFor(post(urlPathEqualTo("/topapi/v2/department/listsub"))
				.withRequestBody(matchingJsonPath("$.dept_id", equalTo("2")))
				.willReturn(okJson("{\"errcode\":0,\"result\":[]}")));
		dingTalk.server()
			.stubFor(post(urlPathEqualTo("/topapi/v2/department/listsub"))
				.withRequestBody(matchingJsonPath("$.dept_id", equalTo("3")))
				.willReturn(okJson("{\"errcode\":0,\"result\":[]}")));
		assertThat(sequential.walkTree(1, Locale.CHINA)).extracting(Department::deptId).containsExactly(2L, 3L);
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/v2/department/listsub"))
				.withRequestBody(equalToJson("{\"dept_id\":3,\"language\":\"zh_CN\"}")));
	}

}
