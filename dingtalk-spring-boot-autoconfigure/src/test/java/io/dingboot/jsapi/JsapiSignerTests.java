package io.dingboot.jsapi;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.dingboot.ApiWireMock;
import io.dingboot.http.DingTalkJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JsapiSignerTests {

	private static final String JS1_TICKET = "mS5k98fdkdgDKxkXGEs8LORVREiweeWETE40P37wkidkfksDSKDJFD5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcKIDU8l";

	@RegisterExtension
	static final ApiWireMock dingTalk = new ApiWireMock();

	@Test
	void signJs1WithSha1() {
		assertThat(JsapiSigner.sign(JS1_TICKET, "Zn4zmLFKD0wzilzM", "1414588745", "http://open.dingtalk.com"))
			.isEqualTo("10de2b0a6763ec3685a50272b5b0eb2848098dc2");
	}

	@Test
	void signJs1WithSha256() {
		assertThat(JsapiSigner.sign(SignatureAlgorithm.SHA256, JS1_TICKET, "Zn4zmLFKD0wzilzM", "1414588745",
				"http://open.dingtalk.com"))
			.isEqualTo("6d6e0580d57aac61e427c1e82e7545cca4eed5c59ae6bb468c6bf6f89753cdb2");
	}

	@Test
	void signJs1bWithBothAlgorithms() {
		assertThat(JsapiSigner.sign(JS1_TICKET, "Zn4zmLFKD0wzilzM", "1414588745", "//open.dingtalk.com"))
			.isEqualTo("653ecdeadf70a480b1aefa687c894a2d8ff9a8bb");
		assertThat(JsapiSigner.sign(SignatureAlgorithm.SHA256, JS1_TICKET, "Zn4zmLFKD0wzilzM", "1414588745",
				"//open.dingtalk.com"))
			.isEqualTo("914767982a36d309fd531ccaf1a04e0681d474c505760a83e7b0a9fa630080bd");
	}

	@Test
	void normalizeUrlDecodesQueryOnceAndDropsFragment() {
		assertThat(JsapiSigner.normalizeUrl("https://abc.com?url=http%3A%2F%2Fabc.com%2Fsomewhere&a=1"))
			.isEqualTo("https://abc.com?url=http://abc.com/somewhere&a=1");
		assertThat(JsapiSigner.normalizeUrl("https://abc.com?url=http%3A%2F%2Fabc.com%2Fsomewhere&a=1#/route?x=%41"))
			.isEqualTo("https://abc.com?url=http://abc.com/somewhere&a=1");
	}

	@Test
	void normalizeUrlKeepsPortPathAndPlusAndNeverEncodes() {
		assertThat(JsapiSigner.normalizeUrl("http://open.dingtalk.com:80/a%20b/页面?q=%E4%B8%AD%E6%96%87+x&r=中"))
			.isEqualTo("http://open.dingtalk.com:80/a%20b/页面?q=中文+x&r=中");
		assertThat(JsapiSigner.normalizeUrl("https://abc.com/p/#frag")).isEqualTo("https://abc.com/p/");
		assertThat(JsapiSigner.normalizeUrl("https://abc.com")).isEqualTo("https://abc.com");
		assertThat(JsapiSigner.normalizeUrl("https://abc.com?a=%2541")).isEqualTo("https://abc.com?a=%41");
	}

	@Test
	void normalizeUrlRejectsWhatIsNotAnAbsoluteHttpUrl() {
		for (String url : new String[] { "//open.dingtalk.com", "/page", "ftp://a.com/", "javascript:alert(1)",
				"https://", "https:///path", "", "https://a.com?x=%E4%B8", "https://a.com?x=%zz" }) {
			assertThatIllegalArgumentException().as(url).isThrownBy(() -> JsapiSigner.normalizeUrl(url));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> JsapiSigner.normalizeUrl(null));
	}

	@Test
	void signProducesDdConfigThatVerifiesAgainstTheTicket() {
		DdConfig config = signer(SignatureAlgorithm.SHA1, "dingcorp", 123L).sign("https://app.example.com/index.html?a=%E4%B8%AD#/x");
		assertThat(config.agentId()).isEqualTo("123");
		assertThat(config.corpId()).isEqualTo("dingcorp");
		assertThat(config.timeStamp()).isEqualTo("1700000000");
		assertThat(config.nonceStr()).matches("[A-Za-z0-9]{16}");
		assertThat(config.signature()).isEqualTo(JsapiSigner.sign("ticket-1", config.nonceStr(), "1700000000",
				"https://app.example.com/index.html?a=中"));
		dingTalk.server().verify(exactly(1), com.github.tomakehurst.wiremock.client.WireMock
			.getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/get_jsapi_ticket")));
	}

	@Test
	void signWithSha256GivesSixtyFourHexCharacters() {
		DdConfig config = signer(SignatureAlgorithm.SHA256, "dingcorp", 123L).sign("https://app.example.com/");
		assertThat(config.signature()).matches("[0-9a-f]{64}")
			.isEqualTo(JsapiSigner.sign(SignatureAlgorithm.SHA256, "ticket-1", config.nonceStr(), config.timeStamp(),
					"https://app.example.com/"));
	}

	@Test
	void signGivesADifferentNonceEachTime() {
		JsapiSigner signer = signer(SignatureAlgorithm.SHA1, "dingcorp", 1L);
		assertThat(signer.sign("https://a.com/").nonceStr()).isNotEqualTo(signer.sign("https://a.com/").nonceStr());
	}

	@Test
	void signWithoutCorpIdOrAgentIdThenNamesTheProperty() {
		assertThatIllegalStateException().isThrownBy(() -> signer(SignatureAlgorithm.SHA1, null, 1L).sign("https://a.com/"))
			.withMessageContaining("dingtalk.corp-id");
		assertThatIllegalStateException()
			.isThrownBy(() -> signer(SignatureAlgorithm.SHA1, "dingcorp", null).sign("https://a.com/"))
			.withMessageContaining("dingtalk.agent-id");
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	@Test
	void signWithBadUrlThenRefusesWithoutFetchingTicket() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> signer(SignatureAlgorithm.SHA1, "dingcorp", 1L).sign("not a url"));
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	@Test
	void ddConfigSerializesWithExactlyTheDdConfigFieldNames() {
		DdConfig config = new DdConfig("1", "dingcorp", "1700000000", "n", "s");
		Map<String, String> expected = Map.of("agentId", "1", "corpId", "dingcorp", "timeStamp", "1700000000",
				"nonceStr", "n", "signature", "s");
		assertThat(JsonMapper.shared().convertValue(config, Map.class)).isEqualTo(expected);
		assertThat(DingTalkJson.mapper().convertValue(config, Map.class)).isEqualTo(expected);
	}

	@Test
	void toStringHoldsNoTicket() {
		JsapiSigner signer = signer(SignatureAlgorithm.SHA1, "dingcorp", 1L);
		signer.sign("https://a.com/");
		assertThat(signer.toString()).doesNotContain("ticket-1");
	}

	private JsapiSigner signer(SignatureAlgorithm algorithm, String corpId, Long agentId) {
		JsapiTicketProvider tickets = new JsapiTicketProvider(dingTalk.reset(), dingTalk.tokenCache(), "appkey");
		dingTalk.stubGet("/get_jsapi_ticket", "{\"errcode\":0,\"errmsg\":\"ok\",\"ticket\":\"ticket-1\",\"expires_in\":7200}");
		return new JsapiSigner(tickets, corpId, agentId, algorithm,
				Clock.fixed(Instant.ofEpochSecond(1700000000, 123_000_000), ZoneOffset.UTC));
	}

}
