package io.dingboot.sample;

import io.dingboot.autoconfigure.DingTalkProperties;
import io.dingboot.sample.demo.DemoModeInitializer;

import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/mode}: what the page needs before login — demo or real mode, the CorpId for
 * {@code requestAuthCode}, where the login and dd.config endpoints are, and whether events arrive
 * (through the HTTP callback, through Stream).
 */
@RestController
class ModeController {

	private final DingTalkProperties properties;

	private final boolean demo;

	ModeController(DingTalkProperties properties, Environment environment) {
		this.properties = properties;
		this.demo = environment.getProperty(DemoModeInitializer.DEMO_PROPERTY, Boolean.class, false);
	}

	@GetMapping("/api/mode")
	Mode mode() {
		DingTalkProperties.Callback callback = this.properties.getCallback();
		return new Mode(this.demo ? "demo" : "real", this.properties.getCorpId(), this.properties.getAgentId(),
				this.properties.getLogin().getProcessingUrl(), this.properties.getJsapi().getPath(),
				callback.isEnabled(), this.properties.getStream().isEnabled());
	}

	record Mode(String mode, String corpId, Long agentId, String loginUrl, String jsapiConfigUrl,
			boolean callbackEnabled, boolean streamEnabled) {

	}

}
