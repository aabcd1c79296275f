package io.dingboot.card;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
import io.dingboot.V1ApiWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CardApiTests {

	private static final String DELIVERED = """
			{"success":true,"result":{"outTrackId":"card-1","deliverResults":[
			 {"spaceType":"IM_GROUP","spaceId":"cidGroup==","success":true,"carrierId":"pqk"}]}}""";

	@RegisterExtension
	static final V1ApiWireMock dingTalk = new V1ApiWireMock();

	private CardApi cards;

	@BeforeEach
	void reset() {
		this.cards = new CardApi(dingTalk.reset(), "dingrobot");
	}

	@Test
	void createAndDeliverToAGroupWritesTheExactBodyWithStringParams() {
		dingTalk.stub("POST", CardApi.CREATE_AND_DELIVER, 200, DELIVERED);
		CardDelivery delivery = this.cards.createAndDeliver(CardRequest.builder("tpl.schema")
			.outTrackId("card-1")
			.streamCallbacks()
			.data("title", "构建 #42")
			.data("passed", true)
			.data("count", 3)
			.data("tags", List.of("a", "b"))
			.to(CardTarget.group("cidGroup=="))
			.build());
		assertThat(delivery.outTrackId()).isEqualTo("card-1");
		assertThat(delivery.deliveredEverywhere()).isTrue();
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1.0/card/instances/createAndDeliver"))
				.withHeader(V1ApiWireMock.TOKEN_HEADER, equalTo("t"))
				.withRequestBody(equalTo("{\"cardTemplateId\":\"tpl.schema\",\"outTrackId\":\"card-1\",\"callbackType\":\"STREAM\","
						+ "\"cardData\":{\"cardParamMap\":{\"title\":\"构建 #42\",\"passed\":\"true\",\"count\":\"3\",\"tags\":\"[\\\"a\\\",\\\"b\\\"]\"}},"
						+ "\"openSpaceId\":\"dtv1.card//IM_GROUP.cidGroup==\","
						+ "\"imGroupOpenSpaceModel\":{\"supportForward\":true},"
						+ "\"imGroupOpenDeliverModel\":{\"robotCode\":\"dingrobot\"}}")));
	}

	@Test
	void createAndDeliverToARobotChatAndATopBarUsesTheirModels() {
		dingTalk.stub("POST", CardApi.CREATE_AND_DELIVER, 200, DELIVERED);
		this.cards.createAndDeliver(CardRequest.builder("tpl")
			.outTrackId("card-2")
			.to(CardTarget.robotChat("zhangsan"))
			.to(CardTarget.groupTopBar("cidGroup==", Instant.ofEpochMilli(1767254400000L), "lisi"))
			.build());
		dingTalk.server()
			.verify(postRequestedFor(urlPathEqualTo(CardApi.CREATE_AND_DELIVER)).withRequestBody(equalToJson("""
					{"cardTemplateId":"tpl","outTrackId":"card-2","cardData":{"cardParamMap":{}},
					 "openSpaceId":"dtv1.card//IM_ROBOT.zhangsan;ONE_BOX.cidGroup==",
					 "imRobotOpenSpaceModel":{"supportForward":true},
					 "imRobotOpenDeliverModel":{"spaceType":"IM_ROBOT","robotCode":"dingrobot"},
					 "topOpenSpaceModel":{"spaceType":"ONE_BOX"},
					 "topOpenDeliverModel":{"expiredTimeMillis":1767254400000,"userIds":["lisi"]}}""")));
	}

	@Test
	void deliveryThatFailedForOneSpaceInA200AnswerIsSurfaced() {
		dingTalk.stub("POST", CardApi.CREATE_AND_DELIVER, 200, """
				{"success":true,"result":{"outTrackId":"card-3","deliverResults":[
				 {"spaceType":"IM_GROUP","spaceId":"cidA==","success":true,"carrierId":"pqk"},
				 {"spaceType":"IM_GROUP","spaceId":"cidB==","success":false,"errorMsg":"robot not in group"}]}}""");
		CardDelivery delivery = this.cards.createAndDeliver(CardRequest.builder("tpl")
			.outTrackId("card-3")
			.to(CardTarget.group("cidA=="))
			.to(CardTarget.group("cidB=="))
			.build());
		assertThat(delivery.deliveredEverywhere()).isFalse();
		assertThat(delivery.failures()).containsExactly(
				new CardDelivery.SpaceResult("IM_GROUP", "cidB==", false, null, "robot not in group"));
	}

	@Test
	void deliveryToAGroupWithoutRobotCodeIsRefusedBeforeSending() {
		CardApi withoutRobot = new CardApi(dingTalk.apiClient(), null);
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> withoutRobot.createAndDeliver(CardRequest.builder("tpl").to(CardTarget.group("cid")).build()))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INVALID_REQUEST))
			.withMessageContaining("dingtalk.robot-code");
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

	@Test
	void cardWithoutOutTrackIdGetsAFreshOne() {
		CardRequest first = CardRequest.builder("tpl").to(CardTarget.group("cid")).build();
		CardRequest second = CardRequest.builder("tpl").to(CardTarget.group("cid")).build();
		assertThat(first.outTrackId()).isNotBlank().isNotEqualTo(second.outTrackId());
	}

	@Test
	void updatePutsStringParamsByKey() {
		dingTalk.stub("PUT", CardApi.UPDATE, 200, "{\"success\":true,\"result\":true}");
		this.cards.update(CardUpdate.of("card-1").data(Map.of("status", "accepted")).privateData("zhangsan",
				Map.of("clicked", true)));
		dingTalk.server()
			.verify(exactly(1), putRequestedFor(urlPathEqualTo("/v1.0/card/instances"))
				.withHeader(V1ApiWireMock.TOKEN_HEADER, equalTo("t"))
				.withRequestBody(equalTo("{\"outTrackId\":\"card-1\",\"cardData\":{\"cardParamMap\":{\"status\":\"accepted\"}},"
						+ "\"privateData\":{\"zhangsan\":{\"cardParamMap\":{\"clicked\":\"true\"}}},"
						+ "\"cardUpdateOptions\":{\"updateCardDataByKey\":true,\"updatePrivateDataByKey\":true}}")));
	}

	@Test
	void streamingUpdateAnsweredWithSuccessFalseIsAnError() {
		dingTalk.stub("PUT", CardApi.STREAMING, 200, "{\"success\":false}");
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> this.cards.streamingUpdate("card-1", "content", "x", true, false, false))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INVALID_RESPONSE));
	}

}
