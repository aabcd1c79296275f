package io.dingboot.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The apps a fake hosts, by name: {@value FakeDingTalk#DEFAULT_APP} (the app of the fake's
 * organisation) and any other, each in one organisation. Two apps never share an app key. Lookups
 * read an immutable snapshot; {@link #add} replaces it.
 */
final class FakeApps {

	private volatile Map<String, Hosted> apps;

	FakeApps(FakeOrganization defaultOrganization) {
		this.apps = Map.of(FakeDingTalk.DEFAULT_APP,
				new Hosted(FakeDingTalk.DEFAULT_APP, defaultOrganization.app(), defaultOrganization));
	}

	/**
	 * Host an app.
	 * @param name the app's name
	 * @param app its credentials
	 * @param organization its organisation, whose corp id the app has
	 * @return the hosted app
	 */
	synchronized Hosted add(String name, FakeApp app, FakeOrganization organization) {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(app, "app");
		Objects.requireNonNull(organization, "organization");
		if (!name.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?")) {
			throw new IllegalArgumentException("An app name is lowercase letters, digits and '-': " + name);
		}
		if (this.apps.containsKey(name)) {
			throw new IllegalArgumentException("The fake hosts an app named '" + name + "' already");
		}
		if (byAppKey(app.appKey()) != null) {
			throw new IllegalArgumentException("The fake hosts an app with app key " + app.appKey() + " already");
		}
		if (!app.corpId().equals(organization.app().corpId())) {
			throw new IllegalArgumentException("The app " + name + " has corp id " + app.corpId()
					+ " but its organisation has " + organization.app().corpId());
		}
		Hosted hosted = new Hosted(name, app, organization);
		Map<String, Hosted> next = new LinkedHashMap<>(this.apps);
		next.put(name, hosted);
		this.apps = Collections.unmodifiableMap(next);
		return hosted;
	}

	Hosted byName(String name) {
		return this.apps.get(name);
	}

	Hosted byAppKey(String appKey) {
		for (Hosted hosted : this.apps.values()) {
			if (hosted.app().appKey().equals(appKey)) {
				return hosted;
			}
		}
		return null;
	}

	/**
	 * The app of a legacy credential pair; an app with an empty corp secret has none.
	 * @param corpId the corp id
	 * @param corpSecret the corp secret
	 * @return the app, or {@code null}
	 */
	Hosted byCorpCredentials(String corpId, String corpSecret) {
		for (Hosted hosted : this.apps.values()) {
			FakeApp app = hosted.app();
			if (!app.corpSecret().isEmpty() && app.corpId().equals(corpId) && app.corpSecret().equals(corpSecret)) {
				return hosted;
			}
		}
		return null;
	}

	/**
	 * Whether some app's organisation has this corp id.
	 * @param corpId the corp id
	 * @return whether the corp id is known
	 */
	boolean hasCorp(String corpId) {
		return organization(corpId) != null;
	}

	/**
	 * The organisation of a corp id.
	 * @param corpId the corp id
	 * @return the organisation, or {@code null}
	 */
	FakeOrganization organization(String corpId) {
		for (Hosted hosted : this.apps.values()) {
			if (hosted.app().corpId().equals(corpId)) {
				return hosted.organization();
			}
		}
		return null;
	}

	/**
	 * The key of the tokens issued for an app's app key pair.
	 * @param hosted the app
	 * @return the credential key
	 */
	static String appKeyCredential(Hosted hosted) {
		return "appkey:" + hosted.app().appKey();
	}

	/**
	 * The key of the tokens issued for an app's legacy pair.
	 * @param hosted the app
	 * @return the credential key
	 */
	static String corpCredential(Hosted hosted) {
		return "corp:" + hosted.name();
	}

	/**
	 * The app a credential key belongs to.
	 * @param credential the key, as {@link TokenRegistry} keeps it
	 * @return the app, or {@code null}
	 */
	Hosted ofCredential(String credential) {
		if (credential == null) {
			return null;
		}
		if (credential.startsWith("appkey:")) {
			return byAppKey(credential.substring("appkey:".length()));
		}
		if (credential.startsWith("corp:")) {
			return byName(credential.substring("corp:".length()));
		}
		return null;
	}

	List<Hosted> all() {
		return List.copyOf(this.apps.values());
	}

	List<String> names() {
		return List.copyOf(this.apps.keySet());
	}

	/**
	 * The agent id an app added without one gets: one above the highest.
	 * @return the agent id
	 */
	long nextAgentId() {
		return this.apps.values().stream().mapToLong((hosted) -> hosted.app().agentId()).max().orElse(100000L) + 1;
	}

	/**
	 * One hosted app.
	 *
	 * @param name the app's name
	 * @param app its credentials
	 * @param organization its organisation
	 */
	record Hosted(String name, FakeApp app, FakeOrganization organization) {

		@Override
		public String toString() {
			return "Hosted{name=" + this.name + ", " + this.app + "}";
		}

	}

}
