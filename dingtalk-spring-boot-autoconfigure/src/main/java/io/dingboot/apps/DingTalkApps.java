package io.dingboot.apps;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.dingboot.card.CardApi;
import io.dingboot.http.DingTalkTransport;
import io.dingboot.jsapi.SignatureAlgorithm;
import io.dingboot.media.MediaLimits;
import io.dingboot.token.TokenCache;
import io.dingboot.token.TokenEndpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * The DingTalk apps of the application, by name: the top-level {@code dingtalk.*} app as
 * {@value #DEFAULT} (when its credentials are set), every {@code dingtalk.apps.<name>}, and apps
 * {@linkplain #register registered at runtime} (for example kept in a database).
 * <p>
 * Every app shares one token cache (tokens are keyed by the app's key, so each app has its own
 * token, fetched once however many callers ask) and one transport; nothing is built until an app
 * is used. Lookups read an immutable snapshot and take no lock; {@link #register} and
 * {@link #remove} replace it.
 */
public final class DingTalkApps implements Iterable<DingTalkApp> {

	/** Name of the app defined by the top-level {@code dingtalk.*} keys. */
	public static final String DEFAULT = "default";

	private static final Logger logger = LoggerFactory.getLogger(DingTalkApps.class);

	private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

	private final Shared shared;

	private final SettingsCheck check;

	private volatile Map<String, DingTalkApp> apps;

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Create a registry.
	 * @param shared what every built app shares
	 * @param check checks an app's settings before it is added
	 * @param defaultApp the app named {@value #DEFAULT}, or {@code null} when there is none
	 */
	public DingTalkApps(Shared shared, SettingsCheck check, @Nullable DingTalkApp defaultApp) {
		Assert.notNull(shared, "'shared' must not be null");
		Assert.notNull(check, "'check' must not be null");
		this.shared = shared;
		this.check = check;
		this.apps = (defaultApp != null) ? Map.of(DEFAULT, defaultApp) : Map.of();
	}

	/**
	 * Return the app named {@code name}.
	 * @param name the app's name
	 * @return the app
	 * @throws UnknownDingTalkAppException when no app has that name; its message lists the names
	 */
	public DingTalkApp get(String name) {
		DingTalkApp app = this.apps.get(name);
		if (app == null) {
			throw new UnknownDingTalkAppException(name, names());
		}
		return app;
	}

	/**
	 * Return the app named {@code name}, if there is one.
	 * @param name the app's name
	 * @return the app, or empty
	 */
	public Optional<DingTalkApp> find(String name) {
		return Optional.ofNullable(this.apps.get(name));
	}

	/**
	 * Whether an app is named {@code name}.
	 * @param name the app's name
	 * @return whether there is such an app
	 */
	public boolean contains(String name) {
		return this.apps.containsKey(name);
	}

	/**
	 * The names of the apps, {@value #DEFAULT} first, then in the order they were added.
	 * @return the names
	 */
	public List<String> names() {
		return List.copyOf(this.apps.keySet());
	}

	/**
	 * The number of apps.
	 * @return the number of apps
	 */
	public int size() {
		return this.apps.size();
	}

	/**
	 * The apps, in the order of {@link #names()}.
	 * @return the apps
	 */
	public Stream<DingTalkApp> stream() {
		return this.apps.values().stream();
	}

	@Override
	public Iterator<DingTalkApp> iterator() {
		return Collections.unmodifiableCollection(this.apps.values()).iterator();
	}

	/**
	 * Add an app. Its settings are checked as those of {@code dingtalk.apps.<name>.*} are at
	 * start-up; nothing calls DingTalk until the app is used.
	 * @param name the app's name: lowercase letters, digits and '-', not {@value #DEFAULT}
	 * @param settings the app's settings
	 * @return the app
	 * @throws IllegalArgumentException when the name is not allowed
	 * @throws IllegalStateException when an app of that name exists
	 * @throws RuntimeException when a setting is missing or wrong, naming the key, e.g.
	 * {@code dingtalk.apps.hr.app-secret}
	 */
	public DingTalkApp register(String name, DingTalkAppSettings settings) {
		checkName(name);
		Assert.notNull(settings, "'settings' must not be null");
		RuntimeException problem = this.check.check(name, settings);
		if (problem != null) {
			throw problem;
		}
		synchronized (this) {
			if (this.apps.containsKey(name)) {
				throw new IllegalStateException(
						"A DingTalk app named '" + name + "' is registered already; remove it first to replace it");
			}
			DingTalkApp app = new BuiltDingTalkApp(name, settings, this.shared);
			Map<String, DingTalkApp> next = new LinkedHashMap<>(this.apps);
			next.put(name, app);
			this.apps = Collections.unmodifiableMap(next);
			for (Listener listener : this.listeners) {
				tell(listener, name, () -> listener.registered(name, settings));
			}
			return app;
		}
	}

	/**
	 * Remove an app registered at runtime or from {@code dingtalk.apps.<name>}, and forget the
	 * tokens this instance holds for it. Objects already handed out keep working.
	 * @param name the app's name
	 * @return whether there was such an app
	 * @throws IllegalArgumentException for {@value #DEFAULT}, which the top-level keys define
	 */
	public boolean remove(String name) {
		if (DEFAULT.equals(name)) {
			throw new IllegalArgumentException("The DingTalk app '" + DEFAULT
					+ "' is defined by the top-level dingtalk.* keys and cannot be removed");
		}
		DingTalkApp removed;
		synchronized (this) {
			Map<String, DingTalkApp> next = new LinkedHashMap<>(this.apps);
			removed = next.remove(name);
			if (removed == null) {
				return false;
			}
			this.apps = Collections.unmodifiableMap(next);
			for (Listener listener : this.listeners) {
				tell(listener, name, () -> listener.removed(name));
			}
		}
		if (removed instanceof BuiltDingTalkApp built) {
			for (String key : built.tokenKeys()) {
				this.shared.tokenCache().evict(key);
			}
		}
		return true;
	}

	/**
	 * Tell {@code listener} of every app {@linkplain #register registered} so far (those of
	 * {@code dingtalk.apps.<name>} included, the app {@value #DEFAULT} not), then of every app
	 * registered or removed from now on, in the order it happens. A listener that throws is logged
	 * and does not undo the change.
	 * @param listener the listener
	 */
	public void addListener(Listener listener) {
		Assert.notNull(listener, "'listener' must not be null");
		synchronized (this) {
			this.listeners.add(listener);
			for (DingTalkApp app : this.apps.values()) {
				if (app instanceof BuiltDingTalkApp built) {
					tell(listener, built.name(), () -> listener.registered(built.name(), built.settings()));
				}
			}
		}
	}

	private static void tell(Listener listener, String name, Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Listener {} failed on a change of DingTalk app '{}'", listener.getClass().getName(), name, ex);
		}
	}

	/**
	 * Check an app name: lowercase letters, digits and '-', at most 64 characters, starting and
	 * ending with a letter or digit, and not {@value #DEFAULT}.
	 * @param name the name
	 * @throws IllegalArgumentException when the name is not allowed
	 */
	public static void checkName(@Nullable String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("A DingTalk app name must be lowercase letters, digits and '-' "
					+ "(at most 64, starting and ending with a letter or digit) but is '" + name + "'");
		}
		if (DEFAULT.equals(name)) {
			throw new IllegalArgumentException("The DingTalk app name '" + DEFAULT
					+ "' is reserved for the app of the top-level dingtalk.* keys");
		}
	}

	@Override
	public String toString() {
		return "DingTalkApps" + new ArrayList<>(this.apps.keySet());
	}

	/**
	 * Told of apps registered and removed, under the registry's lock (so in order): keep the work
	 * short.
	 */
	public interface Listener {

		/**
		 * An app was registered.
		 * @param name the app's name
		 * @param settings its settings
		 */
		void registered(String name, DingTalkAppSettings settings);

		/**
		 * An app was removed.
		 * @param name the app's name
		 */
		void removed(String name);

	}

	/**
	 * Checks an app's settings before it is added.
	 */
	@FunctionalInterface
	public interface SettingsCheck {

		/**
		 * Check {@code settings}.
		 * @param name the app's name
		 * @param settings its settings
		 * @return the problem, naming the key to fix and never a secret's value, or {@code null}
		 */
		@Nullable RuntimeException check(String name, DingTalkAppSettings settings);

	}

	/**
	 * What every app built by the registry shares: the token cache and the transport, obtained on
	 * first use, and the settings that are not per app.
	 */
	public static final class Shared {

		private static final URI DEFAULT_API_BASE_URL = URI.create("https://api.dingtalk.com");

		private final SingletonSupplier<TokenCache> tokenCache;

		private final SingletonSupplier<DingTalkTransport> transport;

		private final MediaLimits mediaLimits;

		private final SignatureAlgorithm signatureAlgorithm;

		private final URI apiBaseUrl;

		private final TokenEndpoint tokenEndpoint;

		private final int cardUpdatesPerSecond;

		/**
		 * Create the shared parts, with the v1.0 family at {@code https://api.dingtalk.com} and
		 * tokens from the legacy {@code /gettoken}.
		 * @param tokenCache supplies the token cache, called once on first use
		 * @param transport supplies the transport, called once on first use
		 * @param mediaLimits the media upload limits
		 * @param signatureAlgorithm the dd.config signature hash
		 */
		public Shared(Supplier<TokenCache> tokenCache, Supplier<DingTalkTransport> transport, MediaLimits mediaLimits,
				SignatureAlgorithm signatureAlgorithm) {
			this(tokenCache, transport, mediaLimits, signatureAlgorithm, DEFAULT_API_BASE_URL, TokenEndpoint.LEGACY);
		}

		/**
		 * Create the shared parts.
		 * @param tokenCache supplies the token cache, called once on first use
		 * @param transport supplies the transport, called once on first use
		 * @param mediaLimits the media upload limits
		 * @param signatureAlgorithm the dd.config signature hash
		 * @param apiBaseUrl the v1.0 family's base URL of apps that name none,
		 * {@code dingtalk.api-base-url} (the legacy one is the transport's, {@code dingtalk.base-url})
		 * @param tokenEndpoint where apps with an app key fetch their tokens,
		 * {@code dingtalk.token.endpoint}
		 */
		public Shared(Supplier<TokenCache> tokenCache, Supplier<DingTalkTransport> transport, MediaLimits mediaLimits,
				SignatureAlgorithm signatureAlgorithm, URI apiBaseUrl, TokenEndpoint tokenEndpoint) {
			Assert.notNull(apiBaseUrl, "'apiBaseUrl' must not be null");
			Assert.notNull(tokenEndpoint, "'tokenEndpoint' must not be null");
			this.tokenCache = SingletonSupplier.of(tokenCache);
			this.transport = SingletonSupplier.of(transport);
			this.mediaLimits = mediaLimits;
			this.signatureAlgorithm = signatureAlgorithm;
			this.apiBaseUrl = apiBaseUrl;
			this.tokenEndpoint = tokenEndpoint;
			this.cardUpdatesPerSecond = CardApi.DEFAULT_MAX_UPDATES_PER_SECOND;
		}

		private Shared(Shared source, int cardUpdatesPerSecond) {
			this.tokenCache = source.tokenCache;
			this.transport = source.transport;
			this.mediaLimits = source.mediaLimits;
			this.signatureAlgorithm = source.signatureAlgorithm;
			this.apiBaseUrl = source.apiBaseUrl;
			this.tokenEndpoint = source.tokenEndpoint;
			this.cardUpdatesPerSecond = cardUpdatesPerSecond;
		}

		/**
		 * These shared parts with AI-card streams sending at most {@code cardUpdatesPerSecond}
		 * updates a second, {@code dingtalk.card.streaming.max-updates-per-second}.
		 * @param cardUpdatesPerSecond the most updates a second of one card stream, at least 1
		 * @return new shared parts
		 */
		public Shared withCardUpdatesPerSecond(int cardUpdatesPerSecond) {
			Assert.isTrue(cardUpdatesPerSecond >= 1, "'cardUpdatesPerSecond' must be at least 1");
			return new Shared(this, cardUpdatesPerSecond);
		}

		TokenCache tokenCache() {
			return this.tokenCache.obtain();
		}

		DingTalkTransport transport() {
			return this.transport.obtain();
		}

		MediaLimits mediaLimits() {
			return this.mediaLimits;
		}

		SignatureAlgorithm signatureAlgorithm() {
			return this.signatureAlgorithm;
		}

		URI apiBaseUrl() {
			return this.apiBaseUrl;
		}

		TokenEndpoint tokenEndpoint() {
			return this.tokenEndpoint;
		}

		int cardUpdatesPerSecond() {
			return this.cardUpdatesPerSecond;
		}

	}

}
