package io.dingboot.test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.dingboot.apps.DingTalkApps;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that defines named apps only: there is no app {@code default}, so the bare login
 * URL and dd.config without {@code app} answer 404, while {@code hr} works.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.login.enabled=true", "dingtalk.jsapi.enabled=true", "dingtalk.apps.hr.agent-id=1" })
@AutoConfigureFakeDingTalk
class NamedAppsOnlyEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	FakeDingTalk fake;

	@Autowired
	DingTalkApps apps;

	@Test
	void onlyTheNamedAppExistsAndLogsUsersInAtItsUrl() {
		assertThat(this.apps.names()).containsExactly("hr");
		JsonNode user = JsonMapper.shared().readTree(this.fake.login("hr", "zhangsan").body());
		assertThat(user.path("app").asString()).isEqualTo("hr");
		assertThat(user.path("corpId").asString()).isEqualTo("dingdemocorp");
		DingTalkSession bare = DingTalkLogin.to(baseUrl()).attempt(this.fake, "zhangsan");
		assertThat(bare.status()).isEqualTo(404);
		assertThat(bare.body()).contains("\"error\":\"unknown_app\"");
		assertThat(this.fake.gettokenCount("hr")).isEqualTo(1);
		assertThat(this.fake.gettokenCount("default")).isZero();
	}

	@Test
	void ddConfigSignsForTheNamedAppOnly() throws Exception {
		String page = URLEncoder.encode(baseUrl() + "/index.html", StandardCharsets.UTF_8);
		HttpResponse<String> withoutApp = get("/dingtalk/jsapi/config?url=" + page);
		assertThat(withoutApp.statusCode()).isEqualTo(404);
		assertThat(withoutApp.body()).contains("\"error\":\"unknown_app\"");
		HttpResponse<String> hr = get("/dingtalk/jsapi/config?url=" + page + "&app=hr");
		assertThat(hr.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.shared().readTree(hr.body()).path("agentId").asLong())
			.isEqualTo(this.fake.app("hr").agentId());
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
