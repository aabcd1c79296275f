package io.dingboot.test;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static io.dingboot.test.FakeHttp.assertAnswer;
import static org.assertj.core.api.Assertions.assertThat;

class DepartmentEndpointsTests extends FakeHttpTestSupport {

	@RegisterExtension
	static final FakeDingTalkExtension dingTalk = new FakeDingTalkExtension();

	@Test
	void listsubWithoutDeptIdAnswersChildrenOfRoot() {
		assertAnswer(this.http.call("/topapi/v2/department/listsub", Map.of()), true, """
				{"errcode":0,"errmsg":"ok","result":[
				{"dept_id":2,"name":"研发部","parent_id":1,"create_dept_group":true,"auto_add_user":true},
				{"dept_id":3,"name":"市场部","parent_id":1,"create_dept_group":true,"auto_add_user":true},
				{"dept_id":4,"name":"财务部","parent_id":1,"create_dept_group":true,"auto_add_user":true}]}""");
	}

	@Test
	void listsubOfLeafAnswersEmptyList() {
		assertAnswer(this.http.call("/topapi/v2/department/listsub", Map.of("dept_id", 5, "language", "zh_CN")), true,
				"{\"errcode\":0,\"errmsg\":\"ok\",\"result\":[]}");
	}

	@Test
	void listsubWithUnknownDepartmentAnswers60003() {
		assertAnswer(this.http.call("/topapi/v2/department/listsub", Map.of("dept_id", 42)), true,
				"{\"errcode\":60003,\"errmsg\":\"部门不存在\"}");
	}

	@Test
	void getAnswersDepartmentDetail() {
		assertAnswer(this.http.call("/topapi/v2/department/get", Map.of("dept_id", 2)), true, """
				{"errcode":0,"errmsg":"ok","result":{"dept_id":2,"name":"研发部","parent_id":1,
				"create_dept_group":true,"auto_add_user":true,"tags":"","from_union_org":false,"order":2,
				"group_contain_sub_dept":false,"org_dept_owner":"zhangsan","dept_manager_userid_list":["zhangsan"],
				"outer_dept":false,"outer_permit_depts":[],"outer_permit_users":[],"hide_dept":false,
				"user_permits":[],"dept_permits":[],"auto_approve_apply":false,"member_count":3,
				"owning_member_count":2}}""");
	}

	@Test
	void getOfRootHasNoParent() {
		JsonNode result = this.http.call("/topapi/v2/department/get", Map.of("dept_id", 1)).path("result");
		assertAnswer(this.http.call("/topapi/v2/department/get", Map.of("dept_id", 1)), true, """
				{"errcode":0,"errmsg":"ok","result":{"dept_id":1,"name":"总部",
				"create_dept_group":false,"auto_add_user":false,"tags":"","from_union_org":false,"order":0,
				"group_contain_sub_dept":false,"dept_manager_userid_list":[],
				"outer_dept":false,"outer_permit_depts":[],"outer_permit_users":[],"hide_dept":false,
				"user_permits":[],"dept_permits":[],"auto_approve_apply":false,"member_count":8,
				"owning_member_count":2}}""");
		assertThat(result.has("parent_id")).isFalse();
	}

	@Test
	void getWithoutDeptIdAnswers400002() {
		JsonNode answer = this.http.call("/topapi/v2/department/get", Map.of());
		assertThat(answer.path("errcode").asInt()).isEqualTo(400002);
	}

	@Test
	void listsubidAnswersChildIds() {
		assertAnswer(this.http.call("/topapi/v2/department/listsubid", Map.of("dept_id", 1)), true,
				"{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"dept_id_list\":[2,3,4]}}");
	}

	@Test
	void listsubidWithUnknownDepartmentAnswers60003() {
		assertAnswer(this.http.call("/topapi/v2/department/listsubid", Map.of("dept_id", 42)), true,
				"{\"errcode\":60003,\"errmsg\":\"部门不存在\"}");
	}

}
