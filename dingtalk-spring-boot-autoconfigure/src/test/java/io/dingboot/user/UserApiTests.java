package io.dingboot.user;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

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

class UserApiTests {

	@RegisterExtension
	static final ApiWireMock dingTalk = new ApiWireMock();

	private UserApi users;

	@BeforeEach
	void reset() {
		this.users = new UserApi(dingTalk.reset());
	}

	@Test
	void getUserInfoPostsCodeAndMapsEveryField() {
		dingTalk.stubPost("/topapi/v2/user/getuserinfo", """
				{"errcode":0,"errmsg":"ok","request_id":"e8krly4vyiln",
				 "result":{"userid":"userid123","unionid":"gliiW0piiii02zBUjUxxxx","associated_unionid":"N2o5U3axxxx",
				           "device_id":"12drtfxxxxx","sys":true,"sys_level":1,"name":"张xx"}}""");
		UserInfo info = this.users.getUserInfo("code-1");
		assertThat(info).isEqualTo(new UserInfo("userid123", "gliiW0piiii02zBUjUxxxx", "N2o5U3axxxx", "张xx",
				"12drtfxxxxx", true, 1));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/v2/user/getuserinfo"))
				.withQueryParam("access_token", equalTo("t"))
				.withHeader("Content-Type", equalTo("application/json"))
				.withRequestBody(equalToJson("{\"code\":\"code-1\"}")));
	}

	@Test
	void getUserInfoWhenCodeIsUnknownThenThrows40078WithoutRetrying() {
		dingTalk.stubPost("/topapi/v2/user/getuserinfo", "{\"errcode\":40078,\"errmsg\":\"nonexistent temp auth code\"}");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.getUserInfo("used"))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.API_ERROR);
				assertThat(ex.getEffectiveCode()).isEqualTo(40078);
				assertThat(ex.getApiPath()).isEqualTo("/topapi/v2/user/getuserinfo");
			});
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/v2/user/getuserinfo")));
	}

	@Test
	void getUserInfoWhenCodeIsEmptyThenSendsNothing() {
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.getUserInfo(" "))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INVALID_REQUEST))
			.withMessageContaining("auth code is empty");
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	@Test
	void getPostsUseridAndLanguageAndMapsEveryDocumentedField() {
		dingTalk.stubPost("/topapi/v2/user/get", """
				{"errcode":0,"errmsg":"ok","request_id":"r1","result":{
				 "userid":"zhangsan","unionid":"z21HjQliSzpw0YWxxxx","name":"张三","avatar":"https://a/x.png",
				 "state_code":"86","manager_userid":"manager7078","mobile":"18513027676","hide_mobile":false,
				 "telephone":"010-86123456-2345","job_number":"4","title":"技术总监","email":"test@xxx.com",
				 "work_place":"未来park","remark":"备注","login_id":"lid","exclusive_account":true,
				 "exclusive_account_type":"sso","org_email":"test@xxx.com","org_email_type":"profession",
				 "dept_id_list":[2,3,4],"dept_order_list":[{"dept_id":2,"order":1}],
				 "extension":"{\\"爱好\\":\\"旅游\\",\\"年龄\\":\\"24\\"}","hired_date":1597573616828,
				 "active":true,"real_authed":true,"senior":true,"admin":true,"boss":false,
				 "leader_in_dept":[{"dept_id":2,"leader":true}],
				 "role_list":[{"id":100,"name":"财务","group_name":"默认"}],
				 "union_emp_ext":{"userid":"u2","corp_id":"dingxxx","union_emp_map_list":[{"userid":"u3","corp_id":"dingyyy"}]},
				 "dept_position_list":[{"dept_id":2,"is_main":true,"title":"总监","work_place":"杭州"}]}}""");
		User user = this.users.get("zhangsan", Locale.CHINA);
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/v2/user/get"))
				.withQueryParam("access_token", equalTo("t"))
				.withRequestBody(equalToJson("{\"userid\":\"zhangsan\",\"language\":\"zh_CN\"}")));
		assertThat(user.userid()).isEqualTo("zhangsan");
		assertThat(user.unionid()).isEqualTo("z21HjQliSzpw0YWxxxx");
		assertThat(user.name()).isEqualTo("张三");
		assertThat(user.avatar()).isEqualTo("https://a/x.png");
		assertThat(user.stateCode()).isEqualTo("86");
		assertThat(user.managerUserid()).isEqualTo("manager7078");
		assertThat(user.mobile()).isEqualTo("18513027676");
		assertThat(user.hideMobile()).isFalse();
		assertThat(user.telephone()).isEqualTo("010-86123456-2345");
		assertThat(user.jobNumber()).isEqualTo("4");
		assertThat(user.title()).isEqualTo("技术总监");
		assertThat(user.email()).isEqualTo("test@xxx.com");
		assertThat(user.workPlace()).isEqualTo("未来park");
		assertThat(user.remark()).isEqualTo("备注");
		assertThat(user.loginId()).isEqualTo("lid");
		assertThat(user.exclusiveAccount()).isTrue();
		assertThat(user.exclusiveAccountType()).isEqualTo("sso");
		assertThat(user.orgEmail()).isEqualTo("test@xxx.com");
		assertThat(user.orgEmailType()).isEqualTo("profession");
		assertThat(user.deptIdList()).containsExactly(2L, 3L, 4L);
		assertThat(user.deptOrderList()).containsExactly(new User.DeptOrder(2, 1));
		assertThat(user.extension()).isEqualTo("{\"爱好\":\"旅游\",\"年龄\":\"24\"}");
		assertThat(user.hiredDate()).isEqualTo(1597573616828L);
		assertThat(user.active()).isTrue();
		assertThat(user.realAuthed()).isTrue();
		assertThat(user.senior()).isTrue();
		assertThat(user.admin()).isTrue();
		assertThat(user.boss()).isFalse();
		assertThat(user.leaderInDept()).containsExactly(new User.DeptLeader(2, true));
		assertThat(user.roleList()).containsExactly(new User.Role(100, "财务", "默认"));
		assertThat(user.unionEmpExt()).isEqualTo(
				new User.UnionEmpExt("u2", "dingxxx", List.of(new User.UnionEmpMap("u3", "dingyyy"))));
		assertThat(user.deptPositionList()).containsExactly(new User.DeptPosition(2, true, "总监", "杭州"));
	}

	@Test
	void getWhenExtensionComesAsObjectThenKeepsItsJsonText() {
		dingTalk.stubPost("/topapi/v2/user/get",
				"{\"errcode\":0,\"result\":{\"userid\":\"u\",\"extension\":{\"爱好\":\"旅游\"}}}");
		assertThat(this.users.get("u").extension()).isEqualTo("{\"爱好\":\"旅游\"}");
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/v2/user/get"))
				.withRequestBody(equalToJson("{\"userid\":\"u\"}")));
	}

	@Test
	void getInEnglishSendsEnUs() {
		dingTalk.stubPost("/topapi/v2/user/get", "{\"errcode\":0,\"result\":{\"userid\":\"u\",\"name\":\"Zhang\"}}");
		assertThat(this.users.get("u", Locale.US).name()).isEqualTo("Zhang");
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/v2/user/get"))
				.withRequestBody(equalToJson("{\"userid\":\"u\",\"language\":\"en_US\"}")));
	}

	@Test
	void getWhenUserDoesNotExistThenThrows33012() {
		dingTalk.stubPost("/topapi/v2/user/get",
				"{\"errcode\":33012,\"errmsg\":\"无效的USERID\",\"request_id\":\"rq\"}");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.get("nobody"))
			.satisfies((ex) -> {
				assertThat(ex.getEffectiveCode()).isEqualTo(33012);
				assertThat(ex.getErrmsg()).isEqualTo("无效的USERID");
				assertThat(ex.getRequestId()).isEqualTo("rq");
			});
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/v2/user/get")));
	}

	@Test
	void getWhenUseridIsTooLongOrEmptyThenSendsNothing() {
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.get("x".repeat(65)))
			.withMessageContaining("at most 64 characters");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.get(""))
			.withMessageContaining("userid is empty");
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	@Test
	void getWhenLanguageIsNeitherChineseNorEnglishThenRefuses() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.users.get("u", Locale.FRENCH))
			.withMessageContaining("zh_CN or en_US");
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	@Test
	void listIdsPostsDeptIdAndReturnsUserids() {
		dingTalk.stubPost("/topapi/user/listid",
				"{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"userid_list\":[\"us1\",\"张三\"]},\"request_id\":\"r\"}");
		assertThat(this.users.listIds(100)).containsExactly("us1", "张三");
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/user/listid"))
				.withQueryParam("access_token", equalTo("t"))
				.withRequestBody(equalToJson("{\"dept_id\":100}")));
	}

	@Test
	void listSimplePagePostsEveryParameterAndMapsThePage() {
		dingTalk.stubPost("/topapi/user/listsimple", """
				{"errcode":0,"errmsg":"ok","result":{"has_more":true,"next_cursor":10,
				 "list":[{"userid":"user100","name":"测试用户2"}]},"request_id":"r"}""");
		SimpleUserPage page = this.users.listSimplePage(10, 0, 10, UserOrder.ENTRY_DESC, true, Locale.CHINA);
		assertThat(page).isEqualTo(new SimpleUserPage(true, 10L, List.of(new SimpleUser("user100", "测试用户2"))));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/user/listsimple"))
				.withQueryParam("access_token", equalTo("t"))
				.withRequestBody(equalToJson("""
						{"dept_id":10,"cursor":0,"size":10,"order_field":"entry_desc",
						 "contain_access_limit":true,"language":"zh_CN"}""")));
	}

	@Test
	void listSimplePageWithDefaultsSendsRequiredParametersOnly() {
		dingTalk.stubPost("/topapi/user/listsimple", "{\"errcode\":0,\"result\":{\"has_more\":false,\"list\":[]}}");
		assertThat(this.users.listSimplePage(1, 20, 100)).isEqualTo(new SimpleUserPage(false, null, List.of()));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/user/listsimple")).withRequestBody(
					equalToJson("{\"dept_id\":1,\"cursor\":20,\"size\":100,\"contain_access_limit\":false}")));
	}

	@Test
	void listSimplePageWithSizeOrCursorOutOfRangeSendsNothing() {
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.listSimplePage(1, 0, 101))
			.withMessageContaining("size must be between 1 and 100");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.listSimplePage(1, 0, 0));
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.listSimplePage(1, -1, 10))
			.withMessageContaining("cursor must be between 0 and 100000");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.listSimplePage(0, 0, 10))
			.withMessageContaining("dept_id must be at least 1");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.listIds(0));
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	@Test
	void listSimpleStreamsEveryPageLazilyFollowingNextCursor() {
		dingTalk.server()
			.stubFor(post(urlPathEqualTo("/topapi/user/listsimple"))
				.withRequestBody(matchingJsonPath("$.cursor", equalTo("0")))
				.willReturn(okJson("{\"errcode\":0,\"result\":{\"has_more\":true,\"next_cursor\":2,"
						+ "\"list\":[{\"userid\":\"a\",\"name\":\"甲\"},{\"userid\":\"b\",\"name\":\"乙\"}]}}")));
		dingTalk.server()
			.stubFor(post(urlPathEqualTo("/topapi/user/listsimple"))
				.withRequestBody(matchingJsonPath("$.cursor", equalTo("2")))
				.willReturn(okJson("{\"errcode\":0,\"result\":{\"has_more\":false,\"next_cursor\":3,"
						+ "\"list\":[{\"userid\":\"c\",\"name\":\"丙\"}]}}")));
		Stream<SimpleUser> stream = this.users.listSimple(7);
		dingTalk.server().verify(exactly(0), postRequestedFor(urlPathEqualTo("/topapi/user/listsimple")));
		assertThat(stream).extracting(SimpleUser::userid).containsExactly("a", "b", "c");
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/user/listsimple")).withRequestBody(
					equalToJson("{\"dept_id\":7,\"cursor\":0,\"size\":100,\"contain_access_limit\":false}")));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/user/listsimple")).withRequestBody(
					equalToJson("{\"dept_id\":7,\"cursor\":2,\"size\":100,\"contain_access_limit\":false}")));
	}

	@Test
	void listSimpleStopsFetchingWhenStreamIsShortCircuited() {
		dingTalk.stubPost("/topapi/user/listsimple", "{\"errcode\":0,\"result\":{\"has_more\":true,\"next_cursor\":1,"
				+ "\"list\":[{\"userid\":\"a\",\"name\":\"甲\"}]}}");
		assertThat(this.users.listSimple(7).findFirst()).contains(new SimpleUser("a", "甲"));
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/user/listsimple")));
	}

	@Test
	void listSimpleWhenHasMoreWithoutNextCursorThenThrowsRatherThanLoop() {
		dingTalk.stubPost("/topapi/user/listsimple",
				"{\"errcode\":0,\"result\":{\"has_more\":true,\"list\":[{\"userid\":\"a\",\"name\":\"甲\"}]}}");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.listSimple(7).toList())
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INVALID_RESPONSE));
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/user/listsimple")));
	}

	@Test
	void listSimpleWhenSizeIsRefusedThenThrows40069() {
		dingTalk.stubPost("/topapi/user/listsimple", "{\"errcode\":40069,\"errmsg\":\"不合法的size\"}");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.listSimplePage(1, 0, 10))
			.satisfies((ex) -> assertThat(ex.getEffectiveCode()).isEqualTo(40069));
	}

	@Test
	void getByUnionIdPostsUnionidAndMapsResult() {
		dingTalk.stubPost("/topapi/user/getbyunionid",
				"{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"contact_type\":0,\"userid\":\"zhangsan\"},\"request_id\":\"r\"}");
		assertThat(this.users.getByUnionId("z21HjQliSzpw0Yxxxx")).isEqualTo(new UnionIdUser("zhangsan", 0));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/topapi/user/getbyunionid"))
				.withQueryParam("access_token", equalTo("t"))
				.withRequestBody(equalToJson("{\"unionid\":\"z21HjQliSzpw0Yxxxx\"}")));
	}

	@Test
	void getByUnionIdWhenEmptySendsNothing() {
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(() -> this.users.getByUnionId(""))
			.withMessageContaining("unionid is empty");
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

}
