package io.dingboot.test;

import java.time.Duration;
import java.util.List;

/**
 * {@code GET /get_jsapi_ticket}: one ticket per app, valid two hours, the same ticket again while
 * valid.
 */
final class JsapiEndpoints extends EndpointGroup {

	static final String TICKET = "/get_jsapi_ticket";

	static final Duration TICKET_LIFETIME = Duration.ofHours(2);

	JsapiEndpoints(FakeState state) {
		super("dingtalk-jsapi", state);
	}

	@Override
	List<String> paths() {
		return List.of(TICKET);
	}

	@Override
	Answer handle(FakeCall call) {
		String credential = this.state.tokens.credentialOf(call.text("access_token"));
		TokenRegistry.Issued ticket = this.state.tokens.ticket(credential, TICKET_LIFETIME);
		return Answer.ok(call, Answer.fields("ticket", ticket.value(), "expires_in", TICKET_LIFETIME.toSeconds()));
	}

}
