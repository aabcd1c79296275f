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
 * the user. The {@code app} tag is {@value DingTalkMeters#DEFAULT_APP}: free login is the top-level
 * app's.
 */
public final class DingTalkLoginMetricsListener implements ApplicationListener<AbstractAuthenticationEvent> {

	private final DingTalkMeters meters;

	public DingTalkLoginMetricsListener(DingTalkMeters meters) {
		this.meters = meters;
	}

	@Override
	public void onApplicationEvent(AbstractAuthenticationEvent event) {
		if (!(event.getAuthentication() instanceof DingTalkAuthenticationToken)) {
			return;
		}
		if (event instanceof AuthenticationSuccessEvent) {
			this.meters.loginAttempt(DingTalkMeters.DEFAULT_APP, "success");
		}
		else if (event instanceof AbstractAuthenticationFailureEvent failure) {
			this.meters.loginAttempt(DingTalkMeters.DEFAULT_APP, outcome(failure.getException()));
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
