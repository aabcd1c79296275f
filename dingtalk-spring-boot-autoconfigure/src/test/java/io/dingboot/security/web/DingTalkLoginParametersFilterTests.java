package io.dingboot.security.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;

class DingTalkLoginParametersFilterTests {

	private final DingTalkLoginParametersFilter filter = new DingTalkLoginParametersFilter(
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login/dingtalk"),
			new DingTalkAuthenticationFailureHandler());

	@Test
	void loginRequestWhoseParametersTheContainerCannotParseGets400JsonAndGoesNoFurther() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(unparsable("POST", "/login/dingtalk"), response, chain);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(
				"{\"error\":\"invalid_request\",\"message\":\"The login request's parameters are not URL-encoded\"}");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void wellFormedLoginRequestAndOtherRequestsPassThrough() throws Exception {
		MockFilterChain login = new MockFilterChain();
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login/dingtalk");
		request.setParameter("code", "abc");
		this.filter.doFilter(request, new MockHttpServletResponse(), login);
		assertThat(login.getRequest()).isSameAs(request);
		MockFilterChain other = new MockFilterChain();
		MockHttpServletRequest elsewhere = unparsable("POST", "/api/orders");
		this.filter.doFilter(elsewhere, new MockHttpServletResponse(), other);
		assertThat(other.getRequest()).isSameAs(elsewhere);
	}

	private static MockHttpServletRequest unparsable(String method, String path) {
		return new MockHttpServletRequest(method, path) {

			@Override
			public Map<String, String[]> getParameterMap() {
				throw new IllegalStateException("Invalid parameter (as Tomcat's InvalidParameterException)");
			}

		};
	}

}
