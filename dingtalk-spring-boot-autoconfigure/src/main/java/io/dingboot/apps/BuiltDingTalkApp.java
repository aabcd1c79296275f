package io.dingboot.apps;

import java.net.URI;
import java.time.Clock;

import io.dingboot.card.CardApi;
import io.dingboot.department.DepartmentApi;

import io.dingboot.http.DingTalkApiClient;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.http.TokenPlacement;
import io.dingboot.jsapi.JsapiSigner;
import io.dingboot.jsapi.JsapiTicketProvider;
import io.dingboot.media.MediaApi;
import io.dingboot.message.WorkNotificationApi;
import io.dingboot.robot.AppRobotApi;
import io.dingboot.token.AccessTokenProvider;
import io.dingboot.token.DefaultAccessTokenProvider;
import io.dingboot.token.TokenCache;
import io.dingboot.token.TokenEndpoint;
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

	private final SingletonSupplier<AccessTokenProvider> tokens;

	private final SingletonSupplier<DingTalkClient> client;

	private final SingletonSupplier<DingTalkApiClient> apiClient;

	private final SingletonSupplier<AppRobotApi> robot;

	private final SingletonSupplier<CardApi> cards;

	private final SingletonSupplier<UserApi> users;

	private final SingletonSupplier<DepartmentApi> departments;

	private final SingletonSupplier<WorkNotificationApi> workNotifications;

	private final SingletonSupplier<MediaApi> media;

	private final SingletonSupplier<JsapiTicketProvider> jsapiTickets;

	private final SingletonSupplier<JsapiSigner> jsapiSigner;

	BuiltDingTalkApp(String name, DingTalkAppSettings settings, DingTalkApps.Shared shared) {
		this.name = name;
		this.settings = settings;
		URI baseUrl = settings.baseUrl();
		URI apiBaseUrl = (settings.apiBaseUrl() != null) ? settings.apiBaseUrl() : shared.apiBaseUrl();
		// the shared transport, its calls reported to metrics as this app's
		SingletonSupplier<DingTalkTransport> transport = SingletonSupplier.of(() -> shared.transport().forApp(name));
		this.tokens = SingletonSupplier.of(() -> tokens(settings, shared.tokenEndpoint(), shared.tokenCache(), transport.obtain(), baseUrl,
				apiBaseUrl));
		this.client = SingletonSupplier.of(() -> new DingTalkClient(transport.obtain(), this.tokens.obtain(), baseUrl,
				TokenPlacement.ACCESS_TOKEN_QUERY));
		this.apiClient = SingletonSupplier
			.of(() -> new DingTalkApiClient(transport.obtain(), this.tokens.obtain(), apiBaseUrl));
		this.robot = SingletonSupplier.of(() -> new AppRobotApi(apiClient().client(), settings.robotCode()));
		this.cards = SingletonSupplier.of(() -> new CardApi(apiClient().client(), settings.robotCode(),
				shared.cardUpdatesPerSecond(), Clock.systemUTC()));
		this.users = SingletonSupplier.of(() -> new UserApi(client()));
		this.departments = SingletonSupplier.of(() -> new DepartmentApi(client()));
		this.workNotifications = SingletonSupplier.of(() -> new WorkNotificationApi(client(), settings.agentId()));
		this.media = SingletonSupplier.of(() -> new MediaApi(client(), shared.mediaLimits()));
		this.jsapiTickets = SingletonSupplier
			.of(() -> new JsapiTicketProvider(client(), shared.tokenCache(), settings.tokenScope()));
		this.jsapiSigner = SingletonSupplier.of(() -> new JsapiSigner(jsapiTickets(), settings.corpId(),
				settings.agentId(), shared.signatureAlgorithm()));
	}

	private static AccessTokenProvider tokens(DingTalkAppSettings settings, TokenEndpoint tokenEndpoint, TokenCache cache,
			DingTalkTransport transport, @Nullable URI baseUrl, URI apiBaseUrl) {
		if (settings.hasAppCredentials() && tokenEndpoint == TokenEndpoint.V1) {
			return DefaultAccessTokenProvider.forAppV1(cache, transport, settings.appKey(),
					settings.appSecret(), apiBaseUrl);
		}
		if (settings.hasAppCredentials()) {
			return DefaultAccessTokenProvider.forApp(cache, transport, settings.appKey(),
					settings.appSecret(), baseUrl);
		}
		return DefaultAccessTokenProvider.forCorp(cache, transport, settings.corpId(),
				settings.corpSecret(), baseUrl);
	}

	DingTalkAppSettings settings() {
		return this.settings;
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
	public DingTalkApiClient apiClient() {
		return this.apiClient.obtain();
	}

	@Override
	public AppRobotApi robot() {
		return this.robot.obtain();
	}

	@Override
	public CardApi cards() {
		return this.cards.obtain();
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
