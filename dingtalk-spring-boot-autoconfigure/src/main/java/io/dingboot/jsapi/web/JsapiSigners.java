package io.dingboot.jsapi.web;

import java.util.function.Predicate;

import io.dingboot.apps.DingTalkApp;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.jsapi.JsapiSigner;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The dd.config signers of the apps that sign pages, looked up by name on every request so that
 * apps registered at runtime take part too. A request without {@code app} asks for the app
 * {@value DingTalkApps#DEFAULT}.
 */
@FunctionalInterface
public interface JsapiSigners {

	/**
	 * The signer of the app named {@code name}, when that app signs pages.
	 * @param name the app's name
	 * @return the signer, or {@code null} when there is no such app or it does not sign pages
	 */
	@Nullable JsapiSigner find(String name);

	/**
	 * The apps of a registry that {@code takesPart} lets in and that have a corp id and an agent
	 * id, which dd.config needs.
	 * @param apps the registry, read on every call
	 * @param takesPart whether the app of a name signs pages
	 * @return the signers
	 */
	static JsapiSigners of(DingTalkApps apps, Predicate<String> takesPart) {
		Assert.notNull(apps, "'apps' must not be null");
		Assert.notNull(takesPart, "'takesPart' must not be null");
		return (name) -> {
			DingTalkApp app = apps.find(name).orElse(null);
			if (app == null || app.corpId() == null || app.agentId() == null || !takesPart.test(name)) {
				return null;
			}
			return app.jsapiSigner();
		};
	}

	/**
	 * One app, {@value DingTalkApps#DEFAULT}.
	 * @param signer its signer
	 * @return the signers
	 */
	static JsapiSigners single(JsapiSigner signer) {
		Assert.notNull(signer, "'signer' must not be null");
		return (name) -> DingTalkApps.DEFAULT.equals(name) ? signer : null;
	}

}
