package io.dingboot.apps;

import io.dingboot.department.DepartmentApi;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.jsapi.JsapiSigner;
import io.dingboot.jsapi.JsapiTicketProvider;
import io.dingboot.media.MediaApi;
import io.dingboot.message.WorkNotificationApi;
import io.dingboot.token.DefaultAccessTokenProvider;
import io.dingboot.user.UserApi;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * An app built from its {@link DingTalkAppSettings} over the shared token cache and transport of
 * {@link DingTalkApps.Shared}: each part is built on first use, once.
 */
final class BuiltDingTalkApp implements DingTalkApp {

	private final String name;

	private final DingTalkAppSettings settings;

	private final SingletonSupplier<DingTalkClient> client;

	private final SingletonSupplier<UserApi> users;

	private final SingletonSupplier<DepartmentApi> departments;

	private final SingletonSupplier<WorkNotificationApi> workNotifications;

	private final SingletonSupplier<MediaApi> media;

	private final SingletonSupplier<JsapiTicketProvider> jsapiTickets;

	private final SingletonSupplier<JsapiSigner> jsapiSigner;

	BuiltDingTalkApp(String name, DingTalkAppSettings settings, DingTalkApps.Shared shared) {
		this.name = name;
		this.settings = settings;
		// the shared transport, its calls reported to metrics as this app's
		SingletonSupplier<DingTalkTransport> transport = SingletonSupplier.of(() -> shared.transport().forApp(name));
		this.client = SingletonSupplier.of(() -> new DingTalkClient(transport.obtain(), settings.hasAppCredentials()
				? DefaultAccessTokenProvider.forApp(shared.tokenCache(), transport.obtain(), settings.appKey(),
						settings.appSecret())
				: DefaultAccessTokenProvider.forCorp(shared.tokenCache(), transport.obtain(), settings.corpId(),
						settings.corpSecret())));
		this.users = SingletonSupplier.of(() -> new UserApi(client()));
		this.departments = SingletonSupplier.of(() -> new DepartmentApi(client()));
		this.workNotifications = SingletonSupplier.of(() -> new WorkNotificationApi(client(), settings.agentId()));
		this.media = SingletonSupplier.of(() -> new MediaApi(client(), shared.mediaLimits()));
		this.jsapiTickets = SingletonSupplier
			.of(() -> new JsapiTicketProvider(client(), shared.tokenCache(), settings.tokenScope()));
		this.jsapiSigner = SingletonSupplier.of(() -> new JsapiSigner(jsapiTickets(), settings.corpId(),
				settings.agentId(), shared.signatureAlgorithm()));
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public @Nullable String appKey() {
		return this.settings.appKey();
	}

	@Override
	public @Nullable String corpId() {
		return this.settings.corpId();
	}

	@Override
	public @Nullable Long agentId() {
		return this.settings.agentId();
	}

	@Override
	public @Nullable String robotCode() {
		return this.settings.robotCode();
	}

	@Override
	public DingTalkClient client() {
		return this.client.obtain();
	}

	@Override
	public UserApi users() {
		return this.users.obtain();
	}

	@Override
	public DepartmentApi departments() {
		return this.departments.obtain();
	}

	@Override
	public WorkNotificationApi workNotifications() {
		return this.workNotifications.obtain();
	}

	@Override
	public MediaApi media() {
		return this.media.obtain();
	}

	@Override
	public JsapiTicketProvider jsapiTickets() {
		return this.jsapiTickets.obtain();
	}

	@Override
	public JsapiSigner jsapiSigner() {
		return this.jsapiSigner.obtain();
	}

	/**
	 * The cache keys of this app's tokens, to forget when the app is removed.
	 * @return the keys
	 */
	String[] tokenKeys() {
		String scope = this.settings.tokenScope();
		return new String[] { "access_token:" + scope, "jsapi_ticket:" + scope };
	}

	@Override
	public String toString() {
		return "DingTalkApp{name=" + this.name + ", appKey=" + this.settings.appKey() + ", corpId="
				+ this.settings.corpId() + ", agentId=" + this.settings.agentId() + "}";
	}

}
