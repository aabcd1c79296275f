package io.dingboot.jsapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.dingboot.ApiWireMock;
import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkClient;
import io.dingboot.token.StoredToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsapiTicketProviderTests {

	@RegisterExtension
	static final ApiWireMock dingTalk = new ApiWireMock();

	@Test
	void getTicketFetchesOnceWithAccessTokenAndCachesUnderItsOwnKey() {
		JsapiTicketProvider tickets = new JsapiTicketProvider(dingTalk.reset(), dingTalk.tokenCache(), "appkey");
		dingTalk.stubGet("/get_jsapi_ticket", "{\"errcode\":0,\"errmsg\":\"ok\",\"ticket\":\"tk\",\"expires_in\":7200}");
		assertThat(tickets.getTicket()).isEqualTo("tk");
		assertThat(tickets.getTicket()).isEqualTo("tk");
		assertThat(tickets.getKey()).isEqualTo("jsapi_ticket:appkey");
		assertThat(dingTalk.tokenCache().peek("jsapi_ticket:appkey").value()).isEqualTo("tk");
		assertThat(dingTalk.tokenCache().peek("access_token:appkey").value()).isEqualTo("t");
		dingTalk.server()
			.verify(exactly(1),
					getRequestedFor(urlPathEqualTo("/get_jsapi_ticket")).withQueryParam("access_token", equalTo("t")));
	}

	@Test
	void getTicketFromManyThreadsAtOnceFetchesOnce() throws Exception {
		JsapiTicketProvider tickets = new JsapiTicketProvider(dingTalk.reset(), dingTalk.tokenCache(), "appkey");
		dingTalk.server()
			.stubFor(get(urlPathEqualTo("/get_jsapi_ticket"))
				.willReturn(okJson("{\"errcode\":0,\"ticket\":\"tk\",\"expires_in\":7200}").withFixedDelay(200)));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(pool.submit(() -> {
					go.await();
					return tickets.getTicket();
				}));
			}
			go.countDown();
			for (Future<String> result : results) {
				assertThat(result.get()).isEqualTo("tk");
			}
		}
		finally {
			pool.shutdownNow();
		}
		dingTalk.server().verify(exactly(1), getRequestedFor(urlPathEqualTo("/get_jsapi_ticket")));
	}

	@Test
	void getTicketCapsLifetimeAtTwentyFourHours() {
		JsapiTicketProvider tickets = new JsapiTicketProvider(dingTalk.reset(), dingTalk.tokenCache(), "appkey");
		dingTalk.stubGet("/get_jsapi_ticket", "{\"errcode\":0,\"ticket\":\"tk\",\"expires_in\":200000}");
		tickets.getTicket();
		StoredToken stored = dingTalk.tokenCache().peek("jsapi_ticket:appkey");
		assertThat(Duration.between(stored.fetchedAt(), stored.expiresAt())).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void sameTicketFetchedAgainKeepsItsFirstSeenTimeForTheTwentyFourHourCap() {
		DingTalkClient client = dingTalk.reset();
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		JsapiTicketProvider tickets = new JsapiTicketProvider(client, dingTalk.tokenCache(), "appkey", clock);
		dingTalk.stubGet("/get_jsapi_ticket", "{\"errcode\":0,\"ticket\":\"tk\",\"expires_in\":7200}");
		tickets.getTicket();
		tickets.invalidate("tk");
		clock.now = Instant.parse("2026-01-01T23:00:00Z");
		tickets.getTicket();
		StoredToken stored = dingTalk.tokenCache().peek("jsapi_ticket:appkey");
		assertThat(stored.expiresAt()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
	}

	@Test
	void invalidateDropsOnlyTheFailedTicket() {
		JsapiTicketProvider tickets = new JsapiTicketProvider(dingTalk.reset(), dingTalk.tokenCache(), "appkey");
		dingTalk.stubGet("/get_jsapi_ticket", "{\"errcode\":0,\"ticket\":\"tk\",\"expires_in\":7200}");
		tickets.getTicket();
		tickets.invalidate("older");
		tickets.getTicket();
		dingTalk.server().verify(exactly(1), getRequestedFor(urlPathEqualTo("/get_jsapi_ticket")));
		tickets.invalidate("tk");
		tickets.getTicket();
		dingTalk.server().verify(exactly(2), getRequestedFor(urlPathEqualTo("/get_jsapi_ticket")));
	}

	@Test
	void getTicketWhenAccessTokenIsRefusedThenRefreshesTokenOnceAndRetries() {
		JsapiTicketProvider tickets = new JsapiTicketProvider(dingTalk.reset(), dingTalk.tokenCache(), "appkey");
		dingTalk.server()
			.stubFor(get(urlPathEqualTo("/get_jsapi_ticket")).inScenario("t")
				.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
				.willReturn(okJson("{\"errcode\":40014,\"errmsg\":\"不合法的access_token\"}"))
				.willSetStateTo("fresh"));
		dingTalk.server()
			.stubFor(get(urlPathEqualTo("/get_jsapi_ticket")).inScenario("t")
				.whenScenarioStateIs("fresh")
				.willReturn(okJson("{\"errcode\":0,\"ticket\":\"tk\",\"expires_in\":7200}")));
		assertThat(tickets.getTicket()).isEqualTo("tk");
		dingTalk.server().verify(exactly(2), getRequestedFor(urlPathEqualTo("/gettoken")));
		dingTalk.server().verify(exactly(2), getRequestedFor(urlPathEqualTo("/get_jsapi_ticket")));
	}

	@Test
	void getTicketWhenIpIsNotWhitelistedThenThrows60020AndCachesNothing() {
		JsapiTicketProvider tickets = new JsapiTicketProvider(dingTalk.reset(), dingTalk.tokenCache(), "appkey");
		dingTalk.stubGet("/get_jsapi_ticket",
				"{\"errcode\":60020,\"errmsg\":\"访问ip不在白名单之中,request ip=203.119.196.81 appKey(dingeqq)\"}");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(tickets::getTicket)
			.satisfies((ex) -> assertThat(ex.getEffectiveCode()).isEqualTo(60020));
		assertThat(dingTalk.tokenCache().peek("jsapi_ticket:appkey")).isNull();
	}

	@Test
	void getTicketWhenAnswerHasNoTicketThenThrows() {
		JsapiTicketProvider tickets = new JsapiTicketProvider(dingTalk.reset(), dingTalk.tokenCache(), "appkey");
		dingTalk.stubGet("/get_jsapi_ticket", "{\"errcode\":0,\"errmsg\":\"ok\"}");
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(tickets::getTicket)
			.withMessageContaining("without a ticket");
	}

	@Test
	void toStringHoldsNoTicket() {
		JsapiTicketProvider tickets = new JsapiTicketProvider(dingTalk.reset(), dingTalk.tokenCache(), "appkey");
		dingTalk.stubGet("/get_jsapi_ticket", "{\"errcode\":0,\"ticket\":\"secret-ticket\",\"expires_in\":7200}");
		tickets.getTicket();
		assertThat(tickets.toString()).doesNotContain("secret-ticket");
	}

	private static final class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
