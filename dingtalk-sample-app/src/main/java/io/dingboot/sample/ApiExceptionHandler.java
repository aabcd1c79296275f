package io.dingboot.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dingboot.DingTalkApiException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures into small JSON answers {@code {"error": ..., "message": ...}}: a request
 * DingBoot refused before sending is a 400, an unknown user or department a 404, anything else
 * DingTalk answered a 502.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> dingTalkFailure(DingTalkApiException ex) {
		if (ex.getKind() == DingTalkApiException.Kind.INVALID_REQUEST) {
			return answer(HttpStatus.BAD_REQUEST, "invalid_request", ex.getMessage(), null);
		}
		int code = ex.getEffectiveCode();
		if (code == 60003 || code == 33012 || code == 60121) {
			return answer(HttpStatus.NOT_FOUND, "not_found", ex.getMessage(), code);
		}
		logger.warn("DingTalk call failed: " + ex.getMessage());
		return answer(HttpStatus.BAD_GATEWAY, "dingtalk_error", ex.getMessage(), code);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		return answer(HttpStatus.BAD_REQUEST, "invalid_request", "The request body is not the expected JSON", null);
	}

	private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String error, String message,
			Integer errcode) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("message", message);
		if (errcode != null) {
			body.put("errcode", errcode);
		}
		return ResponseEntity.status(status).body(body);
	}

}
