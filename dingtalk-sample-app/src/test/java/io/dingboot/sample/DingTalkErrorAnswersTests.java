package io.dingboot.sample;

import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkError;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link DingTalkErrorAnswers} maps DingBoot's failures to statuses and messages in Chinese and
 * English.
 */
class DingTalkErrorAnswersTests {

	private static final String PATH = "/topapi/v2/user/get";

	@Test
	void requestRefusedBeforeSendingIs400WithTheBrokenRuleAndNoApiPath() {
		ErrorAnswer answer = DingTalkErrorAnswers
			.of(DingTalkApiException.invalidRequest(PATH, "a userid has at most 64 characters"));
		assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.error()).isEqualTo("invalid_request");
		assertThat(answer.messageZh()).isEqualTo("请求不符合钉钉的规则");
		assertThat(answer.message()).isEqualTo("The request breaks a DingTalk rule");
		assertThat(answer.detail()).isEqualTo("a userid has at most 64 characters");
		assertThat(answer.errcode()).isNull();
		assertThat(answer.body().toString()).doesNotContain(PATH);
	}

	@Test
	void unknownDepartmentAndUserAre404() {
		ErrorAnswer department = DingTalkErrorAnswers.of(apiError(60003, "部门不存在"));
		assertThat(department.status()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(department.messageZh()).isEqualTo("部门不存在");
		assertThat(department.errcode()).isEqualTo(60003);
		assertThat(department.detail()).isEqualTo("errcode 60003 (部门不存在)");
		ErrorAnswer user = DingTalkErrorAnswers.of(apiError(60121, "找不到该用户"));
		assertThat(user.status()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(user.message()).isEqualTo("The user does not exist");
		assertThat(user.messageZh()).isEqualTo("用户不存在");
	}

	@Test
	void throttledCallIs503WithTheWrappedSubCodeAndItsMessage() {
		DingTalkApiException ex = DingTalkApiException.ofAnswer(PATH,
				new DingTalkError(88, "ding talk error[subcode=90018]", "90018", "超出了该接口承受的最大qps", "req1"), 200,
				"DingTalk " + PATH + " failed");
		ErrorAnswer answer = DingTalkErrorAnswers.of(ex);
		assertThat(answer.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.error()).isEqualTo("dingtalk_throttled");
		assertThat(answer.messageZh()).contains("稍后再试");
		assertThat(answer.errcode()).isEqualTo(90018);
		assertThat(answer.detail()).isEqualTo("errcode 90018 (超出了该接口承受的最大qps)");
	}

	@Test
	void unreachableDingTalkIs503WithoutDetail() {
		ErrorAnswer answer = DingTalkErrorAnswers.of(DingTalkApiException.transport(PATH,
				"DingTalk " + PATH + " could not be reached", null));
		assertThat(answer.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.error()).isEqualTo("dingtalk_unavailable");
		assertThat(answer.messageZh()).isEqualTo("暂时无法连接钉钉，请稍后再试");
		assertThat(answer.detail()).isNull();
		assertThat(answer.errcode()).isNull();
	}

	@Test
	void missingPermissionAndVisibleRangeSayWhatToFix() {
		ErrorAnswer permission = DingTalkErrorAnswers.of(apiError(60011, "没有调用该接口的权限"));
		assertThat(permission.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(permission.error()).isEqualTo("dingtalk_error");
		assertThat(permission.messageZh()).isEqualTo("应用没有调用该接口的权限，请在开发者后台的权限管理中开通");
		assertThat(permission.message()).contains("permission");
		ErrorAnswer range = DingTalkErrorAnswers.of(apiError(50002, "请求的员工userid不在授权范围内"));
		assertThat(range.messageZh()).isEqualTo("成员或部门不在应用的通讯录权限范围内");
		ErrorAnswer whitelist = DingTalkErrorAnswers.of(apiError(60020, "访问ip不在白名单之中"));
		assertThat(whitelist.messageZh()).isEqualTo("服务器出口 IP 不在应用的白名单中");
	}

	@Test
	void unreadableAnswerAndHttpErrorAndOtherCodesAre502() {
		ErrorAnswer unreadable = DingTalkErrorAnswers.of(DingTalkApiException.invalidResponse(PATH,
				200, "DingTalk " + PATH + " answered HTML"));
		assertThat(unreadable.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(unreadable.messageZh()).isEqualTo("无法识别钉钉的应答");
		assertThat(unreadable.detail()).isEqualTo("HTTP 200");
		ErrorAnswer http = DingTalkErrorAnswers
			.of(DingTalkApiException.httpError(PATH, 404, null, "DingTalk " + PATH + " HTTP 404"));
		assertThat(http.messageZh()).isEqualTo("钉钉返回了 HTTP 错误");
		assertThat(http.detail()).isEqualTo("HTTP 404");
		ErrorAnswer other = DingTalkErrorAnswers.of(apiError(40096, null));
		assertThat(other.messageZh()).isEqualTo("钉钉不接受应用的凭证，请检查 AppKey 与 AppSecret");
		ErrorAnswer unknown = DingTalkErrorAnswers.of(apiError(12345, ""));
		assertThat(unknown.messageZh()).isEqualTo("钉钉拒绝了这次调用");
		assertThat(unknown.detail()).isEqualTo("errcode 12345");
	}

	private static DingTalkApiException apiError(int errcode, String errmsg) {
		return DingTalkApiException.ofAnswer(PATH, new DingTalkError(errcode, errmsg, null, null, null), 200,
				"DingTalk " + PATH + " failed: errcode " + errcode);
	}

}
