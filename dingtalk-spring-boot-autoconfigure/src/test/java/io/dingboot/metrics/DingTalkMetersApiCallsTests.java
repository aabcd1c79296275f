package io.dingboot.metrics;

import java.util.concurrent.TimeUnit;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkRequest;
import io.dingboot.http.DingTalkTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dingtalk.api.calls}: each call recorded once, on the timer of its app, path and outcome,
 * whether its timer was kept from an earlier call or not.
 */
class DingTalkMetersApiCallsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DingTalkTransport.ExchangeListener listener = new DingTalkMeters(this.registry).exchangeListener();

	@Test
	void successfulCallsOfOneAppAndPathAddUpOnOneTimer() {
		DingTalkRequest listSub = DingTalkRequest.post("/topapi/v2/department/listsub").build();
		this.listener.exchanged("default", listSub, null, 2_000_000);
		this.listener.exchanged("default", listSub, null, 4_000_000);
		this.listener.exchanged("hr", listSub, null, 1_000_000);
		assertThat(this.registry.get("dingtalk.api.calls").tag("app", "default")
			.tag("api", "/topapi/v2/department/listsub").tag("outcome", "success").tag("errcode", "0").timer()
			.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6.0);
		assertThat(this.registry.get("dingtalk.api.calls").tag("app", "default").timer().count()).isEqualTo(2);
		assertThat(this.registry.get("dingtalk.api.calls").tag("app", "hr").timer().count()).isEqualTo(1);
	}

	@Test
	void aFailedCallIsRecordedOnItsOwnTimerBesideTheSuccessfulOnes() {
		DingTalkRequest get = DingTalkRequest.post("/topapi/v2/department/get").build();
		this.listener.exchanged("default", get, null, 1_000_000);
		this.listener.exchanged("default", get,
				DingTalkApiException.transport("/topapi/v2/department/get", "DingTalk failed", null), 1_000_000);
		this.listener.exchanged("default", get, null, 1_000_000);
		assertThat(this.registry.get("dingtalk.api.calls").tag("outcome", "success").timer().count()).isEqualTo(2);
		assertThat(this.registry.get("dingtalk.api.calls").tag("outcome", "io_error").timer().count()).isEqualTo(1);
	}

}
