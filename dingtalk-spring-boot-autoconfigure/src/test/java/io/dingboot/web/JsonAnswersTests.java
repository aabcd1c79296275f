package io.dingboot.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class JsonAnswersTests {

	@Test
	void writeErrorWritesTheDocumentedShapeWithExactHeaders() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		JsonAnswers.writeError(response, 400, "invalid_request", "The query string is not URL-encoded: \"%zz\" 码");
		String expected = "{\"error\":\"invalid_request\",\"message\":\"The query string is not URL-encoded: \\\"%zz\\\" 码\"}";
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(expected);
		assertThat(response.getContentType()).isEqualTo("application/json;charset=UTF-8");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getContentLength()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
	}

	@Test
	void errorBodyKeepsErrorBeforeMessage() {
		assertThat(JsonAnswers.errorBody("a", "b")).containsExactly(java.util.Map.entry("error", "a"),
				java.util.Map.entry("message", "b"));
	}

	@Test
	void scriptRequestsWantJsonAndPagesDoNot() {
		MockHttpServletRequest xhr = new MockHttpServletRequest();
		xhr.addHeader("X-Requested-With", "XMLHttpRequest");
		MockHttpServletRequest accept = new MockHttpServletRequest();
		accept.addHeader("Accept", "text/html, application/problem+json;q=0.9");
		MockHttpServletRequest page = new MockHttpServletRequest();
		page.addHeader("Accept", "text/html,*/*");
		MockHttpServletRequest broken = new MockHttpServletRequest();
		broken.addHeader("Accept", "not a media type");
		broken.setContentType(";;");
		assertThat(JsonAnswers.wantsJson(xhr)).isTrue();
		assertThat(JsonAnswers.wantsJson(accept)).isTrue();
		assertThat(JsonAnswers.wantsJson(page)).isFalse();
		assertThat(JsonAnswers.wantsJson(broken)).isFalse();
	}

}
