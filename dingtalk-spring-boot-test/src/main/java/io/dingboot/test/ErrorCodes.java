package io.dingboot.test;

import java.util.Map;

/**
 * DingTalk's usual {@code errmsg} per {@code errcode}, and which codes {@code /topapi} wraps in 88.
 */
final class ErrorCodes {

	private static final Map<Integer, String> messages = Map.ofEntries(Map.entry(-1, "系统繁忙"),
			Map.entry(40000, "access_token is blank"), Map.entry(40001, "获取access_token时Secret错误，或者access_token无效"),
			Map.entry(40014, "不合法的access_token"), Map.entry(42001, "access_token超时"),
			Map.entry(41001, "缺少access_token参数"), Map.entry(40035, "不合法的参数"), Map.entry(400002, "无效的参数"),
			Map.entry(40096, "不合法的appKey或appSecret"), Map.entry(40089, "不合法的corpid或corpsecret"),
			Map.entry(90018, "当前应用调用该接口次数过多，超出了该接口承受的最大qps"),
			Map.entry(90002, "当前所有钉钉应用调用该接口次数过多，超出了该接口承受的最大qps"), Map.entry(90020, "超出当月调用量限制"),
			Map.entry(60011, "没有调用该接口的权限"), Map.entry(60020, "访问ip不在白名单之中"), Map.entry(60003, "部门不存在"),
			Map.entry(33012, "无效的USERID"), Map.entry(60121, "找不到该用户"), Map.entry(40078, "不存在的临时授权码"),
			Map.entry(40056, "不合法的agentid"), Map.entry(40004, "不合法的媒体文件类型"), Map.entry(40006, "不合法的文件长度"),
			Map.entry(43008, "参数需要multipart类型"), Map.entry(40068, "不合法的偏移量"), Map.entry(40069, "不合法的分页大小"),
			Map.entry(45009, "接口调用超过限制"));

	private ErrorCodes() {
	}

	static String message(int errcode) {
		return messages.getOrDefault(errcode, "fake error " + errcode);
	}

	static boolean isWrappedOnTopapi(int errcode) {
		return errcode == 40000 || errcode == 40001 || errcode == 40014 || errcode == 42001
				|| (errcode >= 90001 && errcode <= 90020);
	}

}
