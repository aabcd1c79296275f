package io.dingboot.autoconfigure;

import java.net.URI;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dingboot.apps.DingTalkApp;
import io.dingboot.apps.DingTalkAppSettings;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.http.DingTalkApiClient;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.http.DingTalkStubs;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.token.AccessTokenProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.dingboot.http.DingTalkStubs.json;
import static io.dingboot.http.DingTalkStubs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The v1.0 parts of {@link DingTalkAutoConfiguration} and {@link DingTalkAppsAutoConfiguration}:
 * the {@link DingTalkApiClient} bean, {@code DingTalkApp#apiClient()}, {@code dingtalk.token.endpoint}
 * and the per-app base URLs, each app's calls reaching its own server.
 */
class DingTalkApiClientAutoConfigurationTests {

	private final WireMockServer top = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final WireMockServer first = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private final WireMockServer second = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private ApplicationContextRunner runner;

	@BeforeEach
	void start() {
		for (WireMockServer server : List.of(this.top, this.first, this.second)) {
			DingTalkStubs.startWarm(server);
			String name = (server == this.top) ? "top" : (server == this.first) ? "first" : "second";
			server.stubFor(get(urlPathEqualTo("/gettoken")).willReturn(token(name + "-token", 7200)));
			server.stubFor(post(urlPathEqualTo("/v1.0/oauth2/accessToken"))
				.willReturn(json("{\"accessToken\":\"" + name + "-v1-token\",\"expireIn\":7200}")));
			server.stubFor(any(urlPathEqualTo("/ping")).willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\"}")));
			server.stubFor(any(urlPathEqualTo("/v1.0/ping")).willReturn(json("{}")));
		}
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DingTalkAutoConfiguration.class, DingTalkAppsAutoConfiguration.class))
			.withPropertyValues("dingtalk.base-url=" + this.top.baseUrl(), "dingtalk.api-base-url=" + this.top.baseUrl());
	}

	@AfterEach
	void stop() {
		this.top.stop();
		this.first.stop();
		this.second.stop();
	}

	private static List<LoggedRequest> requests(WireMockServer server) {
		return server.findAll(anyRequestedFor(anyUrl()));
	}

	private static void call(DingTalkApp app) {
		app.client().execute(DingTalkRequest.get("/ping").build());
		app.apiClient().execute(DingTalkRequest.get("/v1.0/ping").build());
	}

	@Test
	void credentialsThenTheApiClientBeanIsTheDefaultAppsAndDingTalkClientStaysSingle() {
		this.runner.withPropertyValues("dingtalk.app-key=top-key", "dingtalk.app-secret=top-secret").run((context) -> {
			assertThat(context).hasSingleBean(DingTalkApiClient.class).hasSingleBean(DingTalkClient.class);
			DingTalkApiClient apiClient = context.getBean(DingTalkApiClient.class);
			assertThat(context.getBean(DingTalkApps.class).get(DingTalkApps.DEFAULT).apiClient()).isSameAs(apiClient);
			apiClient.execute(DingTalkRequest.get("/v1.0/ping").build());
			assertThat(this.top.findAll(anyRequestedFor(urlPathEqualTo("/v1.0/ping"))).get(0)
				.getHeader("x-acs-dingtalk-access-token")).isEqualTo("top-token");
			assertThat(apiClient.toString()).doesNotContain("top-token").doesNotContain("top-secret");
		});
	}

	@Test
	void withoutCredentialsThereIsNoApiClientBean() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DingTalkApiClient.class));
	}

	@Test
	void anApiClientOfTheApplicationReplacesDingBoots() {
		this.runner.withPropertyValues("dingtalk.app-key=top-key", "dingtalk.app-secret=top-secret")
			.withBean("myApiClient", DingTalkApiClient.class,
					() -> new DingTalkApiClient(null, null, URI.create("https://example.com")), (definition) -> {
					})
			.run((context) -> {
				assertThat(context).hasSingleBean(DingTalkApiClient.class);
				assertThat(context.getBeanNamesForType(DingTalkApiClient.class)).containsExactly("myApiClient");
			});
	}

	@Test
	void tokenEndpointV1FetchesFromTheApiBaseUrl() {
		this.runner.withPropertyValues("dingtalk.app-key=top-key", "dingtalk.app-secret=top-secret",
				"dingtalk.token.endpoint=v1", "dingtalk.api-base-url=" + this.first.baseUrl())
			.run((context) -> {
				assertThat(context.getBean(AccessTokenProvider.class).getAccessToken()).isEqualTo("first-v1-token");
				assertThat(requests(this.top)).isEmpty();
				assertThat(requests(this.first)).singleElement()
					.satisfies((request) -> assertThat(request.getUrl()).isEqualTo("/v1.0/oauth2/accessToken"));
			});
	}

	@Test
	void tokenEndpointV1WithCorpCredentialsOnlyFailsNamingTheAppKey() {
		assertFailure(this.runner.withPropertyValues("dingtalk.corp-id=dingcorp", "dingtalk.corp-secret=top-corp-s3cret",
				"dingtalk.token.endpoint=v1"), "dingtalk.app-key");
	}

	@Test
	void tokenEndpointV1WithANamedAppOfCorpCredentialsOnlyFailsNamingItsAppKey() {
		assertFailure(this.runner.withPropertyValues("dingtalk.apps.hr.corp-id=dinghr",
				"dingtalk.apps.hr.corp-secret=top-corp-s3cret", "dingtalk.token.endpoint=v1"), "dingtalk.apps.hr.app-key");
	}

	@Test
	void unknownTokenEndpointFailsToBind() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.token.endpoint=oauth3")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void eachNamedAppCallsItsOwnServersWithBothFamiliesAndItsOwnToken() {
		this.runner
			.withPropertyValues("dingtalk.app-key=top-key", "dingtalk.app-secret=top-secret",
					"dingtalk.apps.hr.app-key=hr-key", "dingtalk.apps.hr.app-secret=hr-secret",
					"dingtalk.apps.hr.base-url=" + this.first.baseUrl() + "/",
					"dingtalk.apps.hr.api-base-url=" + this.first.baseUrl(), "dingtalk.apps.oa.app-key=oa-key",
					"dingtalk.apps.oa.app-secret=oa-secret", "dingtalk.apps.oa.base-url=" + this.second.baseUrl(),
					"dingtalk.apps.oa.api-base-url=" + this.second.baseUrl(), "dingtalk.apps.crm.app-key=crm-key",
					"dingtalk.apps.crm.app-secret=crm-secret", "dingtalk.apps.crm.api-base-url=" + this.second.baseUrl())
			.run((context) -> {
				DingTalkApps apps = context.getBean(DingTalkApps.class);
				call(apps.get("hr"));
				call(apps.get("oa"));
				call(apps.get(DingTalkApps.DEFAULT));
				assertThat(requests(this.first)).extracting(LoggedRequest::getUrl)
					.containsExactlyInAnyOrder("/gettoken?appkey=hr-key&appsecret=hr-secret",
							"/ping?access_token=first-token", "/v1.0/ping");
				assertThat(this.first.findAll(anyRequestedFor(urlPathEqualTo("/v1.0/ping"))).get(0)
					.getHeader("x-acs-dingtalk-access-token")).isEqualTo("first-token");
				assertThat(requests(this.second)).extracting(LoggedRequest::getUrl)
					.containsExactlyInAnyOrder("/gettoken?appkey=oa-key&appsecret=oa-secret",
							"/ping?access_token=second-token", "/v1.0/ping");
				assertThat(requests(this.top)).extracting(LoggedRequest::getUrl)
					.containsExactlyInAnyOrder("/gettoken?appkey=top-key&appsecret=top-secret",
							"/ping?access_token=top-token", "/v1.0/ping");
				// crm names only its v1.0 server: legacy calls and its token fetch go to dingtalk.base-url
				this.top.resetRequests();
				this.second.resetRequests();
				call(apps.get("crm"));
				assertThat(requests(this.top)).extracting(LoggedRequest::getUrl)
					.containsExactlyInAnyOrder("/gettoken?appkey=crm-key&appsecret=crm-secret",
							"/ping?access_token=top-token");
				assertThat(requests(this.second)).extracting(LoggedRequest::getUrl).containsExactly("/v1.0/ping");
			});
	}

	@Test
	void eachNamedAppsRobotSendsWithItsOwnRobotCodeTokenAndServer() {
		this.first.stubFor(post(urlPathEqualTo("/v1.0/robot/groupMessages/send"))
			.willReturn(json("{\"processQueryKey\":\"pqk-hr\"}")));
		this.runner
			.withPropertyValues("dingtalk.app-key=top-key", "dingtalk.app-secret=top-secret",
					"dingtalk.apps.hr.app-key=hr-key", "dingtalk.apps.hr.app-secret=hr-secret",
					"dingtalk.apps.hr.robot-code=hr-robot", "dingtalk.apps.hr.base-url=" + this.first.baseUrl(),
					"dingtalk.apps.hr.api-base-url=" + this.first.baseUrl())
			.run((context) -> {
				DingTalkApp hr = context.getBean(DingTalkApps.class).get("hr");
				assertThat(hr.robot()).isSameAs(hr.robot());
				assertThat(hr.cards()).isSameAs(hr.cards());
				assertThat(hr.robot().sendToGroup("cidGroup==", io.dingboot.robot.RobotMessage.text("hi")))
					.isEqualTo("pqk-hr");
				LoggedRequest send = this.first
					.findAll(anyRequestedFor(urlPathEqualTo("/v1.0/robot/groupMessages/send")))
					.get(0);
				assertThat(send.getHeader("x-acs-dingtalk-access-token")).isEqualTo("first-token");
				assertThat(send.getBodyAsString()).contains("\"robotCode\":\"hr-robot\"")
					.contains("\"openConversationId\":\"cidGroup==\"");
				assertThat(requests(this.top)).isEmpty();
			});
	}

	@Test
	void namedAppsFetchV1TokensFromTheirOwnApiBaseUrl() {
		this.runner
			.withPropertyValues("dingtalk.token.endpoint=v1", "dingtalk.apps.hr.app-key=hr-key",
					"dingtalk.apps.hr.app-secret=hr-secret", "dingtalk.apps.hr.base-url=" + this.first.baseUrl(),
					"dingtalk.apps.hr.api-base-url=" + this.first.baseUrl())
			.run((context) -> {
				call(context.getBean(DingTalkApps.class).get("hr"));
				assertThat(requests(this.first)).extracting(LoggedRequest::getUrl)
					.containsExactlyInAnyOrder("/v1.0/oauth2/accessToken", "/ping?access_token=first-v1-token",
							"/v1.0/ping");
				assertThat(this.first.findAll(anyRequestedFor(urlPathEqualTo("/v1.0/oauth2/accessToken"))).get(0)
					.getBodyAsString()).isEqualTo("{\"appKey\":\"hr-key\",\"appSecret\":\"hr-secret\"}");
				assertThat(requests(this.top)).isEmpty();
			});
	}

	@Test
	void appsRegisteredAtRuntimeCallTheirOwnServers() {
		this.runner.run((context) -> {
			DingTalkApps apps = context.getBean(DingTalkApps.class);
			DingTalkApp crm = apps.register("crm", DingTalkAppSettings.of("crm-key", "crm-secret")
				.withBaseUrl(URI.create(this.first.baseUrl()))
				.withApiBaseUrl(URI.create(this.second.baseUrl())));
			call(crm);
			assertThat(requests(this.first)).extracting(LoggedRequest::getUrl)
				.containsExactlyInAnyOrder("/gettoken?appkey=crm-key&appsecret=crm-secret", "/ping?access_token=first-token");
			assertThat(requests(this.second)).singleElement().satisfies((request) -> {
				assertThat(request.getUrl()).isEqualTo("/v1.0/ping");
				assertThat(request.getHeader("x-acs-dingtalk-access-token")).isEqualTo("first-token");
			});
			assertThat(requests(this.top)).isEmpty();
		});
	}

	@Test
	void runtimeRegistrationChecksTheBaseUrlsAndTheTokenEndpoint() {
		this.runner.withPropertyValues("dingtalk.token.endpoint=v1").run((context) -> {
			DingTalkApps apps = context.getBean(DingTalkApps.class);
			assertThatExceptionOfType(InvalidDingTalkPropertyException.class)
				.isThrownBy(() -> apps.register("crm", DingTalkAppSettings.of("crm-key", "crm-secret")
					.withApiBaseUrl(URI.create("ftp://example.com"))))
				.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("dingtalk.apps.crm.api-base-url"));
			assertThatExceptionOfType(InvalidDingTalkPropertyException.class)
				.isThrownBy(() -> apps.register("crm",
						new DingTalkAppSettings(null, null, "dingcrm", "crm-corp-s3cret", null, null)))
				.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("dingtalk.apps.crm.app-key"))
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("dingtalk.token.endpoint is v1")
					.doesNotContain("crm-corp-s3cret"));
			assertThat(apps.names()).isEmpty();
			assertThat(context).doesNotHaveBean(DingTalkTransport.class);
		});
	}

	@Test
	void settingsToStringShowsTheBaseUrlsAndNoSecret() {
		assertThat(DingTalkAppSettings.of("k", "the-secret").withApiBaseUrl(URI.create("http://127.0.0.1:1")))
			.hasToString("DingTalkAppSettings{appKey=k, appSecret=******, corpId=null, corpSecret=null, agentId=null, "
					+ "robotCode=null, apiBaseUrl=http://127.0.0.1:1}");
	}

	private static void assertFailure(ApplicationContextRunner runner, String property) {
		runner.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = StartupFailures.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(property).contains("dingtalk.token.endpoint is v1");
			assertThat(analysis.getAction()).contains(property).contains("dingtalk.token.endpoint=legacy");
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("top-corp-s3cret");
		});
	}

}
