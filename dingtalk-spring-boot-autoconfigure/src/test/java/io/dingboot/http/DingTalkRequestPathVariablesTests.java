package io.dingboot.http;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The path variables of {@link DingTalkRequest}: given in order or by name, every one required, the
 * path kept as the template.
 */
class DingTalkRequestPathVariablesTests {

	@Test
	void valuesInOrderBindToTheTemplatesVariables() {
		DingTalkRequest request = DingTalkRequest.put("/v1.0/todo/users/{unionId}/tasks/{taskId}", "u-1", 42).build();
		assertThat(request.path()).isEqualTo("/v1.0/todo/users/{unionId}/tasks/{taskId}");
		assertThat(request.pathVariables()).containsExactly(Map.entry("unionId", "u-1"), Map.entry("taskId", 42));
		assertThat(request).hasToString("PUT /v1.0/todo/users/{unionId}/tasks/{taskId}");
	}

	@Test
	void valuesByNameBindToo() {
		DingTalkRequest request = DingTalkRequest.get("/v1.0/contact/users/{unionId}")
			.pathVariable("unionId", "u-1")
			.build();
		assertThat(request.pathVariables()).containsExactly(Map.entry("unionId", "u-1"));
		assertThat(request.idempotent()).isTrue();
	}

	@Test
	void aPathWithoutVariablesHasNone() {
		assertThat(DingTalkRequest.post("/topapi/v2/user/get").build().pathVariables()).isEmpty();
	}

	@Test
	void aMissingValueIsRefusedNamingTheVariable() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DingTalkRequest.get("/v1.0/contact/users/{unionId}").build())
			.withMessage("'/v1.0/contact/users/{unionId}' needs a value for its path variable 'unionId'");
	}

	@Test
	void tooFewOrTooManyValuesAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DingTalkRequest.get("/v1.0/users/{a}/x/{b}", "1"))
			.withMessage("'/v1.0/users/{a}/x/{b}' has 2 path variable(s) but 1 value(s) were given");
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkRequest.delete("/v1.0/users", "1"));
	}

	@Test
	void anUnknownNameANullOrAnEmptyValueIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DingTalkRequest.get("/v1.0/users/{id}").pathVariable("userId", "1"))
			.withMessage("'/v1.0/users/{id}' has no path variable 'userId'");
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkRequest.get("/v1.0/users/{id}", (Object) null));
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkRequest.get("/v1.0/users/{id}", ""));
	}

	@Test
	void aMalformedTemplateIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkRequest.get("/v1.0/users/{id"));
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkRequest.get("/v1.0/users/id}"));
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkRequest.get("/v1.0/users/{}"));
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkRequest.get("/v1.0/{id}/x/{id}"));
	}

	@Test
	void anotherBaseUrlKeepsTheVariablesQueryAndHeaders() {
		DingTalkRequest request = DingTalkRequest.post("/v1.0/users/{id}", 7)
			.query("lang", "zh_CN")
			.header("X-Trace", "t")
			.body(Map.of("a", 1))
			.build()
			.withBaseUrl(URI.create("https://api.dingtalk.com"));
		assertThat(request.baseUrl()).isEqualTo(URI.create("https://api.dingtalk.com"));
		assertThat(request.pathVariables()).containsExactly(Map.entry("id", 7));
		assertThat(request.query()).containsExactly(Map.entry("lang", "zh_CN"));
		assertThat(request.headers().getFirst("X-Trace")).isEqualTo("t");
		assertThat(request.body()).isEqualTo(Map.of("a", 1));
	}

}
