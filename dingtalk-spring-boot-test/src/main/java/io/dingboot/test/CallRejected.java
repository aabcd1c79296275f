package io.dingboot.test;

/**
 * Thrown by an endpoint to answer with a DingTalk error instead of a result.
 */
final class CallRejected extends RuntimeException {

	private final int errcode;

	CallRejected(int errcode) {
		this(errcode, ErrorCodes.message(errcode));
	}

	CallRejected(int errcode, String errmsg) {
		super(errmsg, null, false, false);
		this.errcode = errcode;
	}

	int errcode() {
		return this.errcode;
	}

	static CallRejected badParameter(String name) {
		return new CallRejected(400002, "无效的参数: " + name);
	}

}
