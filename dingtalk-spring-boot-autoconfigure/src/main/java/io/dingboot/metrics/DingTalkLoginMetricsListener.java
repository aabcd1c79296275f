package io.dingboot.metrics;

import io.dingboot.security.authentication.DingTalkAuthenticationToken;

import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * Counts free-login attempts as {@code dingtalk.login.attempts} from Spring Security's own
 * authentication events: {@code success}, {@code invalid_code}, {@code unavailable} (DingTalk could
 * not answer) or {@code refused} (the application's mapper refused the user). Never tags the code or
 * the user. The {@code app} tag is the name of the app whose login URL was used.
 */
public final class DingTalkLoginMetricsListener implements ApplicationListener<AbstractAuthenticationEvent> {

	private final DingTalkMeters meters;

	public DingTalkLoginMetricsListener(DingTalkMeters meters) {
		this.meters = meters;
	}

	@Override
	public void onApplicationEvent(AbstractAuthenticationEvent event) {
		if (!(event.getAuthentication() instanceof DingTalkAuthenticationToken token)) {
			return;
		}
		// the login filter answers an unknown app's URL before authenticating: the name is an app's
		String app = token.getAppName();
		if (event instanceof AuthenticationSuccessEvent) {
			this.meters.loginAttempt(app, "success");
		}
		else if (event instanceof AbstractAuthenticationFailureEvent failure) {
			this.meters.loginAttempt(app, outcome(failure.getException()));
		}
	}

	private static String outcome(Exception failure) {
		if (failure instanceof BadCredentialsException) {
			return "invalid_code";
		}
		if (failure instanceof AuthenticationServiceException) {
			return "unavailable";
		}
		return "refused";
	}

}
