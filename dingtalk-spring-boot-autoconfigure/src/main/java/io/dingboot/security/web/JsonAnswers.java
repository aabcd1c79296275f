package io.dingboot.security.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Small helpers for the JSON answers of the login endpoint and the entry point.
 */
final class JsonAnswers {

	private static final JsonMapper mapper = JsonMapper.shared();

	private JsonAnswers() {
	}

	/**
	 * Whether the request is from script: a JSON body, {@code Accept: application/json} or
	 * {@code X-Requested-With: XMLHttpRequest}.
	 * @param request the request
	 * @return whether to answer with JSON
	 */
	static boolean wantsJson(HttpServletRequest request) {
		if ("XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))) {
			return true;
		}
		return isJson(request.getContentType()) || acceptsJson(request.getHeader(HttpHeaders.ACCEPT));
	}

	static boolean isJson(String contentType) {
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

	private static boolean acceptsJson(String accept) {
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

	static void write(HttpServletResponse response, int status, Map<String, ?> body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		mapper.writeValue(response.getOutputStream(), body);
	}

	static JsonMapper mapper() {
		return mapper;
	}

}
