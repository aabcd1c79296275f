package io.dingboot.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The stub DingTalk of the peer benchmark, run as its own process on 127.0.0.1 (pinned to its own
 * core with {@code taskset}): {@code /gettoken} and {@code /topapi/v2/department/listsub} with a
 * fixed answer of ten departments.
 */
public final class StubServer {

	static final String LISTSUB_BODY;

	static {
		StringBuilder body = new StringBuilder("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":[");
		String[] names = { "研发部", "市场部", "财务部", "人事部", "销售部", "客服部", "法务部", "采购部", "行政部", "运营部" };
		for (int i = 0; i < names.length; i++) {
			body.append(i > 0 ? "," : "")
				.append("{\"dept_id\":")
				.append(100 + i)
				.append(",\"name\":\"")
				.append(names[i])
				.append("\",\"parent_id\":1,\"create_dept_group\":true,\"auto_add_user\":true}");
		}
		LISTSUB_BODY = body.append("],\"request_id\":\"bench\"}").toString();
	}

	private StubServer() {
	}

	public static void main(String[] args) throws InterruptedException {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 18089;
		WireMockServer server = new WireMockServer(
				options().bindAddress("127.0.0.1").port(port).disableRequestJournal().containerThreads(32));
		server.stubFor(get(urlPathEqualTo("/gettoken")).willReturn(aResponse()
			.withHeader("Content-Type", "application/json;charset=UTF-8")
			.withBody("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"bench-token\",\"expires_in\":7200}")));
		server.stubFor(post(urlPathEqualTo("/topapi/v2/department/listsub"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json;charset=UTF-8").withBody(LISTSUB_BODY)));
		server.start();
		System.out.println("stub listening on 127.0.0.1:" + port);
		Thread.currentThread().join();
	}

}
