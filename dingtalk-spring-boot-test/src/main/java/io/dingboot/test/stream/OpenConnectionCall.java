package io.dingboot.test.stream;

import java.util.List;

/**
 * One {@code POST /v1.0/gateway/connections/open} the gateway received (the secret is not kept).
 *
 * @param clientId the {@code clientId}
 * @param subscriptions the {@code subscriptions}
 * @param ua the {@code ua}
 * @param localIp the {@code localIp}
 * @param accept the {@code Accept} header
 * @param status the HTTP status the gateway answered
 */
public record OpenConnectionCall(String clientId, List<StreamSubscription> subscriptions, String ua, String localIp,
		String accept, int status) {

}
