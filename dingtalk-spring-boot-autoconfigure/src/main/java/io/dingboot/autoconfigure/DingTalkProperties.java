package io.dingboot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dingboot.jsapi.SignatureAlgorithm;
import io.dingboot.token.TokenEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for DingBoot, bound from {@code dingtalk.*}.
 */
@ConfigurationProperties("dingtalk")
public class DingTalkProperties extends DingTalkAppProperties {

	/**
	 * Default DingTalk server.
	 */
	public static final String DEFAULT_BASE_URL = "https://oapi.dingtalk.com";

	/**
	 * Default DingTalk server of the v1.0 API family and of Stream mode.
	 */
	public static final String DEFAULT_API_BASE_URL = "https://api.dingtalk.com";

	/**
	 * Base URL of the DingTalk legacy server API; tests and FakeDingTalk point it elsewhere.
	 */
	private String baseUrl = DEFAULT_BASE_URL;

	/**
	 * Base URL of the DingTalk v1.0 API family (and of Stream mode's connection endpoint).
	 */
	private String apiBaseUrl = DEFAULT_API_BASE_URL;

	/**
	 * RobotCode of the app's robot, when the app has one.
	 */
	private @Nullable String robotCode;

	/**
	 * Further apps by name (lowercase letters, digits and '-'), each reached through DingTalkApps;
	 * the top-level keys define the app named 'default'.
	 */
	private Map<String, App> apps = new LinkedHashMap<>();

	private final Http http = new Http();

	private final Retry retry = new Retry();

	private final Token token = new Token();

	private final Jsapi jsapi = new Jsapi();

	private final Login login = new Login();

	private final Callback callback = new Callback();

	private final Media media = new Media();

	private final Stream stream = new Stream();

	public String getApiBaseUrl() {
		return this.apiBaseUrl;
	}

	public void setApiBaseUrl(String apiBaseUrl) {
		this.apiBaseUrl = apiBaseUrl;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Map<String, App> getApps() {
		return this.apps;
	}

	public void setApps(Map<String, App> apps) {
		this.apps = apps;
	}

	public Http getHttp() {
		return this.http;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Token getToken() {
		return this.token;
	}

	public Jsapi getJsapi() {
		return this.jsapi;
	}

	public Login getLogin() {
		return this.login;
	}

	public Callback getCallback() {
		return this.callback;
	}

	public Media getMedia() {
		return this.media;
	}

	public Stream getStream() {
		return this.stream;
	}

	/**
	 * The base URL as a URI, without a trailing slash.
	 * @return the base URI
	 */
	public URI baseUri() {
		String url = this.baseUrl.endsWith("/") ? this.baseUrl.substring(0, this.baseUrl.length() - 1) : this.baseUrl;
		return URI.create(url);
	}

	/**
	 * The v1.0 family's base URL as a URI, without a trailing slash.
	 * @return the v1.0 base URI
	 */
	public URI apiBaseUri() {
		return trimmed(this.apiBaseUrl);
	}

	/**
	 * {@code url} as a URI, without a trailing slash.
	 * @param url the URL
	 * @return the URI
	 */
	static URI trimmed(String url) {
		return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
	}

	@Override
	public String toString() {
		return "DingTalkProperties{" + credentialsToString() + ", baseUrl="
				+ this.baseUrl + ", token.store=" + this.token.store + ", callback.token="
				+ mask(this.callback.token) + ", callback.aesKey=" + mask(this.callback.aesKey) + ", apps=" + this.apps
				+ "}";
	}

	static @Nullable String mask(@Nullable String secret) {
		return (secret != null) ? "******" : null;
	}

	/**
	 * One further app, {@code dingtalk.apps.<name>.*}: the same credential keys as the top-level
	 * app, and switches that leave this app out of (or take it into) a feature.
	 */
	public static class App extends DingTalkAppProperties {

		/**
		 * Base URL of the DingTalk legacy server API for this app. Defaults to dingtalk.base-url.
		 */
		private @Nullable String baseUrl;

		/**
		 * Base URL of the DingTalk v1.0 API family for this app. Defaults to dingtalk.api-base-url.
		 */
		private @Nullable String apiBaseUrl;

		private final AppLogin login = new AppLogin();

		private final AppSwitch jsapi = new AppSwitch();

		private final AppCallback callback = new AppCallback();

		private final AppSwitch stream = new AppSwitch();

		public @Nullable String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(@Nullable String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public @Nullable String getApiBaseUrl() {
			return this.apiBaseUrl;
		}

		public void setApiBaseUrl(@Nullable String apiBaseUrl) {
			this.apiBaseUrl = apiBaseUrl;
		}

		public AppLogin getLogin() {
			return this.login;
		}

		public AppSwitch getJsapi() {
			return this.jsapi;
		}

		public AppCallback getCallback() {
			return this.callback;
		}

		public AppSwitch getStream() {
			return this.stream;
		}

		@Override
		public String toString() {
			return "App{" + credentialsToString() + ", callback=" + this.callback + "}";
		}

	}

	/**
	 * Whether one app takes part in a feature; unset follows the feature's top-level switch.
	 */
	public static class AppSwitch {

		/**
		 * Whether this app takes part; unset follows the top-level switch, false leaves the app out.
		 */
		private @Nullable Boolean enabled;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Whether the app takes part, given the top-level switch.
		 * @param feature the feature's top-level switch
		 * @return this app's own switch when set, otherwise {@code feature}
		 */
		public boolean isEnabled(boolean feature) {
			return (this.enabled != null) ? this.enabled : feature;
		}

	}

	/**
	 * One app's login switches.
	 */
	public static class AppLogin extends AppSwitch {

		private final AppSwitch browser = new AppSwitch();

		public AppSwitch getBrowser() {
			return this.browser;
		}

	}

	/**
	 * One app's event callback settings; the endpoint answers at dingtalk.callback.path + "/" + the
	 * app's name.
	 */
	public static class AppCallback extends AppSwitch {

		/**
		 * Token of this app's callback signature, as entered in the developer console.
		 */
		private @Nullable String token;

		/**
		 * 43-character EncodingAESKey of this app's callbacks, as entered in the developer console.
		 */
		private @Nullable String aesKey;

		/**
		 * Keys a push for this app may be addressed to (the app key, corp id or suite key); defaults
		 * to the app key and corp id.
		 */
		private Set<String> ownerKey = new LinkedHashSet<>();

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

		public @Nullable String getAesKey() {
			return this.aesKey;
		}

		public void setAesKey(@Nullable String aesKey) {
			this.aesKey = aesKey;
		}

		public Set<String> getOwnerKey() {
			return this.ownerKey;
		}

		public void setOwnerKey(Set<String> ownerKey) {
			this.ownerKey = ownerKey;
		}

		@Override
		public String toString() {
			return "AppCallback{enabled=" + getEnabled() + ", token=" + mask(this.token) + ", aesKey="
					+ mask(this.aesKey) + ", ownerKey=" + this.ownerKey + "}";
		}

	}

	/**
	 * Stream mode (Stream 模式): events, robot messages and card callbacks over an outbound
	 * WebSocket, without a public URL.
	 */
	public static class Stream {

		/**
		 * Whether to open a Stream connection for every app that has credentials when the
		 * application is ready.
		 */
		private boolean enabled;

		/**
		 * Largest accepted frame; a larger frame is logged and skipped, the connection stays up.
		 */
		private DataSize maxFrameSize = DataSize.ofMegabytes(1);

		/**
		 * Timeout of the connections/open call and of the WebSocket handshake.
		 */
		private Duration connectTimeout = Duration.ofSeconds(5);

		/**
		 * Wait before the first reconnect after a drop; doubled for each further attempt, with
		 * jitter.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Longest wait between two reconnect attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(60);

		/**
		 * How long a connection must stay up before the reconnect backoff starts again from
		 * initial-backoff.
		 */
		private Duration stableAfter = Duration.ofSeconds(60);

		/**
		 * Wait between two connect attempts while DingTalk refuses the app's credentials.
		 */
		private Duration authFailureBackoff = Duration.ofSeconds(60);

		/**
		 * Interval of WebSocket pings that keep the connection alive and detect a dead one.
		 */
		private Duration keepAlive = Duration.ofSeconds(30);

		/**
		 * How long to wait for the pong of a WebSocket ping before the connection is replaced.
		 */
		private Duration pongTimeout = Duration.ofSeconds(5);

		/**
		 * How long a connection may go without any frame from DingTalk (its ping frames included)
		 * before it is taken for dead and replaced.
		 */
		private Duration idleTimeout = Duration.ofMinutes(3);

		private final Handler handler = new Handler();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public DataSize getMaxFrameSize() {
			return this.maxFrameSize;
		}

		public void setMaxFrameSize(DataSize maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getStableAfter() {
			return this.stableAfter;
		}

		public void setStableAfter(Duration stableAfter) {
			this.stableAfter = stableAfter;
		}

		public Duration getAuthFailureBackoff() {
			return this.authFailureBackoff;
		}

		public void setAuthFailureBackoff(Duration authFailureBackoff) {
			this.authFailureBackoff = authFailureBackoff;
		}

		public Duration getKeepAlive() {
			return this.keepAlive;
		}

		public void setKeepAlive(Duration keepAlive) {
			this.keepAlive = keepAlive;
		}

		public Duration getPongTimeout() {
			return this.pongTimeout;
		}

		public void setPongTimeout(Duration pongTimeout) {
			this.pongTimeout = pongTimeout;
		}

		public Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

		public Handler getHandler() {
			return this.handler;
		}

		/**
		 * The executor that runs event listeners, robot message listeners and card callback
		 * listeners, shared by every app.
		 */
		public static class Handler {

			/**
			 * Number of threads that run listeners.
			 */
			private int threads = 16;

			/**
			 * Largest number of frames waiting for a listener thread; a frame that finds the queue
			 * full is left unacknowledged, so that DingTalk delivers it again.
			 */
			private int queueCapacity = 2048;

			public int getThreads() {
				return this.threads;
			}

			public void setThreads(int threads) {
				this.threads = threads;
			}

			public int getQueueCapacity() {
				return this.queueCapacity;
			}

			public void setQueueCapacity(int queueCapacity) {
				this.queueCapacity = queueCapacity;
			}

		}

	}

	/**
	 * HTTP client settings for calls to DingTalk.
	 */
	public static class Http {

		/**
		 * Connect timeout for calls to DingTalk.
		 */
		private Duration connectTimeout = Duration.ofSeconds(3);

		/**
		 * Read timeout for calls to DingTalk.
		 */
		private Duration readTimeout = Duration.ofSeconds(10);

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

	}

	/**
	 * Retries of throttled (900xx) and busy (-1, HTTP 5xx) answers.
	 */
	public static class Retry {

		/**
		 * Maximum attempts of one call, the first included; 1 turns retries off.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first retry; doubled for each further retry, with jitter.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(4);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	/**
	 * Access-token caching.
	 */
	public static class Token {

		/**
		 * Where tokens and JSAPI tickets are kept: memory (default) or redis (shared by instances).
		 */
		private Store store = Store.MEMORY;

		/**
		 * How long before expiry a token is refreshed in the background; callers keep the old one
		 * meanwhile. At most half the token's lifetime is used.
		 */
		private Duration refreshMargin = Duration.ofMinutes(5);

		/**
		 * After a failed token fetch, how long callers get the same failure without a new fetch.
		 */
		private Duration failureBackoff = Duration.ofSeconds(1);

		/**
		 * Where access tokens are fetched: legacy (GET {base-url}/gettoken) or v1 (POST
		 * {api-base-url}/v1.0/oauth2/accessToken, app-key/app-secret only). Either token serves both
		 * API families.
		 */
		private TokenEndpoint endpoint = TokenEndpoint.LEGACY;

		private final Redis redis = new Redis();

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public Duration getRefreshMargin() {
			return this.refreshMargin;
		}

		public void setRefreshMargin(Duration refreshMargin) {
			this.refreshMargin = refreshMargin;
		}

		public Duration getFailureBackoff() {
			return this.failureBackoff;
		}

		public void setFailureBackoff(Duration failureBackoff) {
			this.failureBackoff = failureBackoff;
		}

		public TokenEndpoint getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(TokenEndpoint endpoint) {
			this.endpoint = endpoint;
		}

		public Redis getRedis() {
			return this.redis;
		}

		/**
		 * Token store kinds.
		 */
		public enum Store {

			/** In this instance's memory (Caffeine). */
			MEMORY,

			/** In Redis, shared by every instance of the app. */
			REDIS

		}

		/**
		 * Redis token store.
		 */
		public static class Redis {

			/**
			 * Prefix of every Redis key DingBoot writes; keys are further scoped by app.
			 */
			private String keyPrefix = "dingtalk:";

			/**
			 * Longest time an instance waits for another instance's token fetch before it fetches itself.
			 */
			private Duration lockTimeout = Duration.ofSeconds(5);

			public String getKeyPrefix() {
				return this.keyPrefix;
			}

			public void setKeyPrefix(String keyPrefix) {
				this.keyPrefix = keyPrefix;
			}

			public Duration getLockTimeout() {
				return this.lockTimeout;
			}

			public void setLockTimeout(Duration lockTimeout) {
				this.lockTimeout = lockTimeout;
			}

		}

	}

	/**
	 * JSAPI ticket and the dd.config signature endpoint.
	 */
	public static class Jsapi {

		/**
		 * Whether to open the dd.config signature endpoint.
		 */
		private boolean enabled;

		/**
		 * Path of the dd.config signature endpoint.
		 */
		private String path = "/dingtalk/jsapi/config";

		/**
		 * Origins (scheme://host[:port]) whose pages may be signed; empty means only the origin of
		 * the request itself.
		 */
		private List<String> allowedOrigins = new ArrayList<>();

		/**
		 * Hash of the dd.config signature: SHA-1 (older docs and official jar) or SHA-256 (current docs).
		 */
		private SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.SHA1;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public List<String> getAllowedOrigins() {
			return this.allowedOrigins;
		}

		public void setAllowedOrigins(List<String> allowedOrigins) {
			this.allowedOrigins = allowedOrigins;
		}

		public SignatureAlgorithm getSignatureAlgorithm() {
			return this.signatureAlgorithm;
		}

		public void setSignatureAlgorithm(SignatureAlgorithm signatureAlgorithm) {
			this.signatureAlgorithm = signatureAlgorithm;
		}

	}

	/**
	 * Free login (免登) into Spring Security.
	 */
	public static class Login {

		/**
		 * Whether to open the free-login endpoint (and a default security chain when the app has none).
		 */
		private boolean enabled;

		/**
		 * URL the front end posts the free-login auth code to.
		 */
		private String processingUrl = "/login/dingtalk";

		/**
		 * Whether to fetch the user's details (avatar, title, departments) after login.
		 */
		private boolean fetchUserDetails = true;

		private final Browser browser = new Browser();

		public Browser getBrowser() {
			return this.browser;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getProcessingUrl() {
			return this.processingUrl;
		}

		public void setProcessingUrl(String processingUrl) {
			this.processingUrl = processingUrl;
		}

		public boolean isFetchUserDetails() {
			return this.fetchUserDetails;
		}

		public void setFetchUserDetails(boolean fetchUserDetails) {
			this.fetchUserDetails = fetchUserDetails;
		}

		/**
		 * Browser login (扫码登录) through Spring Security's oauth2Login.
		 */
		public static class Browser {

			/**
			 * Whether to register every app that has credentials as an OAuth2 client of Spring
			 * Security's oauth2Login (registration id 'dingtalk' for the default app, the app's name
			 * otherwise).
			 */
			private boolean enabled;

			/**
			 * Base URL of DingTalk's login host, where browsers are sent to log in
			 * ({login-base-url}/oauth2/auth).
			 */
			private String loginBaseUrl = "https://login.dingtalk.com";

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public String getLoginBaseUrl() {
				return this.loginBaseUrl;
			}

			public void setLoginBaseUrl(String loginBaseUrl) {
				this.loginBaseUrl = loginBaseUrl;
			}

		}

	}

	/**
	 * Event callbacks (HTTP push).
	 */
	public static class Callback {

		/**
		 * Whether to open the event callback endpoint.
		 */
		private boolean enabled;

		/**
		 * Path of the event callback endpoint.
		 */
		private String path = "/dingtalk/callback";

		/**
		 * Callback token from the developer console (letters and digits).
		 */
		private @Nullable String token;

		/**
		 * EncodingAESKey from the developer console: 43 characters [A-Za-z0-9].
		 */
		private @Nullable String aesKey;

		/**
		 * Keys an event may be encrypted for (appKey for console subscriptions, corpId for
		 * register_call_back); defaults to app-key and corp-id.
		 */
		private Set<String> ownerKey = new LinkedHashSet<>();

		/**
		 * How long a handled event is remembered so that a re-push is not delivered again.
		 */
		private Duration dedupeWindow = Duration.ofHours(1);

		/**
		 * Largest allowed difference between a push's timestamp and this server's clock.
		 */
		private Duration timestampSkew = Duration.ofMinutes(10);

		/**
		 * Largest accepted request body.
		 */
		private DataSize maxBodySize = DataSize.ofKilobytes(64);

		private final Deduplication deduplication = new Deduplication();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

		public @Nullable String getAesKey() {
			return this.aesKey;
		}

		public void setAesKey(@Nullable String aesKey) {
			this.aesKey = aesKey;
		}

		public Set<String> getOwnerKey() {
			return this.ownerKey;
		}

		public void setOwnerKey(Set<String> ownerKey) {
			this.ownerKey = ownerKey;
		}

		public Duration getDedupeWindow() {
			return this.dedupeWindow;
		}

		public void setDedupeWindow(Duration dedupeWindow) {
			this.dedupeWindow = dedupeWindow;
		}

		public Duration getTimestampSkew() {
			return this.timestampSkew;
		}

		public void setTimestampSkew(Duration timestampSkew) {
			this.timestampSkew = timestampSkew;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		public Deduplication getDeduplication() {
			return this.deduplication;
		}

		@Override
		public String toString() {
			return "Callback{enabled=" + this.enabled + ", path=" + this.path + ", token=" + mask(this.token)
					+ ", aesKey=" + mask(this.aesKey) + ", ownerKey=" + this.ownerKey + "}";
		}

		/**
		 * Where handled pushes are remembered, so that a re-push is delivered once.
		 */
		public static class Deduplication {

			/**
			 * Where handled pushes are remembered: memory (this instance) or redis (shared by
			 * instances). Defaults to the token store, dingtalk.token.store.
			 */
			private Store store;

			/**
			 * Prefix of the Redis keys of handled pushes, each kept under this prefix + "callback:" +
			 * its id. Defaults to dingtalk.token.redis.key-prefix.
			 */
			private String keyPrefix;

			public Store getStore() {
				return this.store;
			}

			public void setStore(Store store) {
				this.store = store;
			}

			public String getKeyPrefix() {
				return this.keyPrefix;
			}

			public void setKeyPrefix(String keyPrefix) {
				this.keyPrefix = keyPrefix;
			}

			/**
			 * Deduplication store kinds.
			 */
			public enum Store {

				/** In this instance's memory (Caffeine, bounded). */
				MEMORY,

				/** In Redis, shared by every instance of the app. */
				REDIS

			}

		}

	}

	/**
	 * Media upload limits, checked before a file is sent (sources disagree; the current documented
	 * limits are the defaults).
	 */
	public static class Media {

		/**
		 * Largest image (jpg, gif, png, bmp).
		 */
		private DataSize maxImageSize = DataSize.ofMegabytes(20);

		/**
		 * Largest voice file (amr, mp3, wav).
		 */
		private DataSize maxVoiceSize = DataSize.ofMegabytes(2);

		/**
		 * Largest video (mp4).
		 */
		private DataSize maxVideoSize = DataSize.ofMegabytes(20);

		/**
		 * Largest file (doc, docx, xls, xlsx, ppt, pptx, zip, pdf, rar).
		 */
		private DataSize maxFileSize = DataSize.ofMegabytes(20);

		public DataSize getMaxImageSize() {
			return this.maxImageSize;
		}

		public void setMaxImageSize(DataSize maxImageSize) {
			this.maxImageSize = maxImageSize;
		}

		public DataSize getMaxVoiceSize() {
			return this.maxVoiceSize;
		}

		public void setMaxVoiceSize(DataSize maxVoiceSize) {
			this.maxVoiceSize = maxVoiceSize;
		}

		public DataSize getMaxVideoSize() {
			return this.maxVideoSize;
		}

		public void setMaxVideoSize(DataSize maxVideoSize) {
			this.maxVideoSize = maxVideoSize;
		}

		public DataSize getMaxFileSize() {
			return this.maxFileSize;
		}

		public void setMaxFileSize(DataSize maxFileSize) {
			this.maxFileSize = maxFileSize;
		}

	}

}
