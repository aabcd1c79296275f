package io.dingboot.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The one JSON writer of the endpoints DingBoot opens (free login, dd.config, callbacks): every
 * error is {@code {"error": "...", "message": "..."}} with {@code Content-Type: application/json},
 * UTF-8 and {@code Cache-Control: no-store}, never a stack trace.
 */
public final class JsonAnswers {

	private JsonAnswers() {
	}

	/**
	 * The body of an error answer.
	 * @param error the stable error code, e.g. {@code invalid_request}
	 * @param message what is wrong, safe to show (never a secret, a code or a stack trace)
	 * @return {@code {"error": error, "message": message}}
	 */
	public static Map<String, String> errorBody(String error, String message) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("message", message);
		return body;
	}

	/**
	 * Answer with an error.
	 * @param response the response
	 * @param status the HTTP status
	 * @param error the stable error code
	 * @param message what is wrong, safe to show
	 * @throws IOException when the answer cannot be written
	 */
	public static void writeError(HttpServletResponse response, int status, String error, String message)
			throws IOException {
		write(response, status, errorBody(error, message));
	}

	/**
	 * Answer with a JSON body.
	 * @param response the response
	 * @param status the HTTP status
	 * @param body what Jackson writes as the body
	 * @throws IOException when the answer cannot be written
	 */
	public static void write(HttpServletResponse response, int status, Object body) throws IOException {
		byte[] bytes = mapper().writeValueAsBytes(body);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	/**
	 * Whether the request is from script: a JSON body, {@code Accept: application/json} or
	 * {@code X-Requested-With: XMLHttpRequest}.
	 * @param request the request
	 * @return whether to answer with JSON
	 */
	public static boolean wantsJson(HttpServletRequest request) {
		if ("XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))) {
			return true;
		}
		return isJson(request.getContentType()) || acceptsJson(request.getHeader(HttpHeaders.ACCEPT));
	}

	/**
	 * Whether a {@code Content-Type} is JSON ({@code application/json} or {@code +json}).
	 * @param contentType the content type, or {@code null}
	 * @return whether it is JSON
	 */
	public static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			return isJson(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static boolean acceptsJson(@Nullable String accept) {
		if (accept == null) {
			return false;
		}
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			return types.stream().anyMatch(JsonAnswers::isJson);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static boolean isJson(MediaType type) {
		return !type.isWildcardType() && !type.isWildcardSubtype() && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
				|| (type.getSubtypeSuffix() != null && type.getSubtypeSuffix().equals("json")));
	}

	/**
	 * The mapper the answers are written with, for reading small request bodies the same way:
	 * Jackson's shared mapper, which Jackson builds on its first use, after start-up.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return JsonMapper.shared();
	}

}
