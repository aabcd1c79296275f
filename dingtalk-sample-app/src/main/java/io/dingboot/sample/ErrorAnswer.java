package io.dingboot.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The sample's JSON error answer:
 * {@code {"error": ..., "message": ..., "messageZh": ..., "detail": ..., "errcode": ...}} — a
 * machine-readable {@code error}, a short message in English and in Chinese that a person can act
 * on (never an API path), and, when there is one, the detail of the broken rule or DingTalk's own
 * {@code errmsg} and {@code errcode}.
 *
 * @param status the HTTP status
 * @param error the error code, such as {@code invalid_request}
 * @param message the message in English
 * @param messageZh the message in Chinese
 * @param detail what exactly was wrong, or {@code null}
 * @param errcode DingTalk's code, or {@code null}
 */
public record ErrorAnswer(HttpStatus status, String error, String message, String messageZh, String detail,
		Integer errcode) {

	/**
	 * An answer without detail.
	 * @param status the HTTP status
	 * @param error the error code
	 * @param message the message in English
	 * @param messageZh the message in Chinese
	 * @return the answer
	 */
	public static ErrorAnswer of(HttpStatus status, String error, String message, String messageZh) {
		return new ErrorAnswer(status, error, message, messageZh, null, null);
	}

	/**
	 * This answer with a detail.
	 * @param detail what exactly was wrong
	 * @return a new answer
	 */
	public ErrorAnswer withDetail(String detail) {
		return new ErrorAnswer(this.status, this.error, this.message, this.messageZh, detail, this.errcode);
	}

	/**
	 * The JSON body, without the fields that are {@code null}.
	 * @return the body
	 */
	public Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", this.error);
		body.put("message", this.message);
		body.put("messageZh", this.messageZh);
		if (this.detail != null) {
			body.put("detail", this.detail);
		}
		if (this.errcode != null) {
			body.put("errcode", this.errcode);
		}
		return body;
	}

	/**
	 * The answer as a response entity.
	 * @return the response
	 */
	public ResponseEntity<Map<String, Object>> toResponse() {
		return ResponseEntity.status(this.status).body(body());
	}

}
