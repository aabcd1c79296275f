package io.dingboot.sample;

import java.util.Map;

import io.dingboot.DingTalkApiException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns failures in the sample's own controllers into its JSON {@link ErrorAnswer}: a request
 * DingBoot refused before sending or a malformed request is a 400, an unknown user or department a
 * 404, DingTalk throttling or out of reach a 503, anything else DingTalk answered a 502 (see
 * {@link DingTalkErrorAnswers}). Bad input from the outside writes no more than a debug line.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> dingTalkFailure(DingTalkApiException ex) {
		ErrorAnswer answer = DingTalkErrorAnswers.of(ex);
		if (answer.status().is5xxServerError()) {
			logger.warn("DingTalk call failed: " + ex.getMessage());
		}
		return answer.toResponse();
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		return invalid("The request body is not the expected JSON", "请求内容不是预期的 JSON");
	}

	/**
	 * A query string or form that is not valid URL encoding, such as {@code %zz}: the servlet
	 * container refuses it when the parameters are first read.
	 */
	@ExceptionHandler
	ResponseEntity<Map<String, Object>> malformedParameters(InvalidParameterException ex) {
		logger.debug("Refused request parameters that are not valid URL encoding");
		return invalid("The request parameters are not valid URL encoding", "请求参数的 URL 编码无效");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException ex) {
		return invalid("The parameter '" + ex.getParameterName() + "' is missing",
				"缺少参数 " + ex.getParameterName());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> mistypedParameter(MethodArgumentTypeMismatchException ex) {
		return invalid("The value of '" + ex.getName() + "' has the wrong type", "参数 " + ex.getName() + " 的值类型不对");
	}

	private static ResponseEntity<Map<String, Object>> invalid(String message, String messageZh) {
		return ErrorAnswer.of(HttpStatus.BAD_REQUEST, "invalid_request", message, messageZh).toResponse();
	}

}
