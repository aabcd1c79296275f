package io.dingboot.stream;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.dingboot.callback.CallbackDeduplicator;
import io.dingboot.callback.CallbackDispatcher;
import io.dingboot.callback.InMemoryCallbackDeduplicator;
import io.dingboot.stream.ConnectionOpener.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.util.Assert;

/**
 * The Stream mode client: one connection per app, opened when the application context has
 * started (nothing connects while beans are created) and closed when it stops. It subscribes to
 * what the application listens to (see {@link RobotMessageEvent}, {@link CardCallbackListener},
 * {@link io.dingboot.callback.DingTalkEvent}); an app with nothing to subscribe opens nothing.
 * <p>
 * All connections share one scheduler thread (reconnects, keep-alive pings, the idle watchdog)
 * and one bounded executor for listeners. Frames are read, parsed and routed on the JDK
 * {@code HttpClient}'s own thread when nothing on that path can block (the in-memory
 * deduplicator, which robot messages are claimed with before their ack), saving a thread hand-off
 * per read and per write; with any other deduplicator (Redis: a network round trip) they are
 * handed to the client's default executor, so that a slow claim holds up no other connection.
 */
public final class DingTalkStreamClient implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DingTalkStreamClient.class);

	private volatile List<StreamApp> apps;

	private final StreamSettings settings;

	private final ApplicationContext context;

	private final CallbackDispatcher dispatcher;

	private final CallbackDeduplicator deduplicator;

	private final ObjectProvider<CardCallbackListener> cardListeners;

	private final StreamListeners listeners;

	private final List<AppStream> streams = new CopyOnWriteArrayList<>();

	private List<Subscription> subscriptions = List.of();

	private ConnectionOpener opener;

	private FrameRouter router;

	private volatile boolean running;

	private ScheduledThreadPoolExecutor scheduler;

	private ThreadPoolExecutor handlers;

	private HttpClient httpClient;

	/**
	 * Create a client.
	 * @param apps the apps that connect
	 * @param settings the settings
	 * @param context publishes events, and tells which listeners the application has
	 * @param dispatcher publishes events as the HTTP callback does
	 * @param deduplicator remembers handled robot messages
	 * @param cardListeners the card callback listeners
	 */
	public DingTalkStreamClient(List<StreamApp> apps, StreamSettings settings, ApplicationContext context,
			CallbackDispatcher dispatcher, CallbackDeduplicator deduplicator,
			ObjectProvider<CardCallbackListener> cardListeners) {
		this(apps, settings, context, dispatcher, deduplicator, cardListeners, StreamListeners.NONE);
	}

	/**
	 * Create a client that tells {@code listeners} what it does (for meters and health).
	 * @param apps the apps that connect
	 * @param settings the settings
	 * @param context publishes events, and tells which listeners the application has
	 * @param dispatcher publishes events as the HTTP callback does
	 * @param deduplicator remembers handled robot messages
	 * @param cardListeners the card callback listeners
	 * @param listeners the listeners of connections, frames and answers; resolved when the
	 * client starts
	 */
	public DingTalkStreamClient(List<StreamApp> apps, StreamSettings settings, ApplicationContext context,
			CallbackDispatcher dispatcher, CallbackDeduplicator deduplicator,
			ObjectProvider<CardCallbackListener> cardListeners, ObjectProvider<StreamListener> listeners) {
		this(apps, settings, context, dispatcher, deduplicator, cardListeners, new StreamListeners(
				() -> listeners.orderedStream().toList()));
		Assert.notNull(listeners, "'listeners' must not be null");
	}

	private DingTalkStreamClient(List<StreamApp> apps, StreamSettings settings, ApplicationContext context,
			CallbackDispatcher dispatcher, CallbackDeduplicator deduplicator,
			ObjectProvider<CardCallbackListener> cardListeners, StreamListeners listeners) {
		Assert.notNull(apps, "'apps' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		Assert.notNull(context, "'context' must not be null");
		Assert.notNull(dispatcher, "'dispatcher' must not be null");
		Assert.notNull(deduplicator, "'deduplicator' must not be null");
		Assert.notNull(cardListeners, "'cardListeners' must not be null");
		this.apps = List.copyOf(apps);
		this.settings = settings;
		this.context = context;
		this.dispatcher = dispatcher;
		this.deduplicator = deduplicator;
		this.cardListeners = cardListeners;
		this.listeners = listeners;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		List<Subscription> subscriptions = ListenerTopics.subscriptions(listeners(),
				this.cardListeners.orderedStream().findAny().isPresent());
		this.running = true;
		this.subscriptions = subscriptions;
		if (subscriptions.isEmpty()) {
			logger.warn("dingtalk.stream.enabled is true but the application has no listener of DingTalkEvent, "
					+ "RobotMessageEvent or CardCallbackListener: no Stream connection is opened");
			return;
		}
		this.scheduler = new ScheduledThreadPoolExecutor(1, threads("dingtalk-stream", false));
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.handlers = new ThreadPoolExecutor(this.settings.handlerThreads(), this.settings.handlerThreads(), 60,
				TimeUnit.SECONDS, new ArrayBlockingQueue<>(this.settings.handlerQueueCapacity()),
				threads("dingtalk-stream-handler-", true));
		this.handlers.allowCoreThreadTimeOut(true);
		HttpClient.Builder httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(this.settings.connectTimeout());
		if (this.deduplicator instanceof InMemoryCallbackDeduplicator) {
			httpClient.executor(Runnable::run);
		}
		this.httpClient = httpClient.build();
		this.opener = new ConnectionOpener(this.httpClient, this.settings.connectTimeout());
		this.router = new FrameRouter(this.handlers, new StreamEventPublisher(this.dispatcher), this.context,
				this.deduplicator, () -> this.cardListeners.orderedStream().toList(), this.settings.dedupeWindow(),
				this.listeners);
		for (StreamApp app : this.apps) {
			open(app);
		}
		long tick = tickMillis();
		this.scheduler.scheduleWithFixedDelay(this::check, tick, tick, TimeUnit.MILLISECONDS);
	}

	private void open(StreamApp app) {
		AppStream stream = new AppStream(app, this.subscriptions, this.settings, this.httpClient, this.opener,
				this.router, this.scheduler, this.listeners);
		this.streams.add(stream);
		stream.start();
	}

	/**
	 * Add an app, for example one registered at runtime: its connection opens now when the client
	 * is running, or when it starts.
	 * @param app the app
	 * @return whether it was added; {@code false} when an app of that name connects already
	 */
	public synchronized boolean addApp(StreamApp app) {
		Assert.notNull(app, "'app' must not be null");
		if (this.apps.stream().anyMatch((existing) -> existing.name().equals(app.name()))) {
			return false;
		}
		List<StreamApp> next = new ArrayList<>(this.apps);
		next.add(app);
		this.apps = List.copyOf(next);
		if (this.running && this.scheduler != null) {
			logger.info("Opening a Stream connection for DingTalk app '{}', added at runtime", app.name());
			open(app);
		}
		return true;
	}

	/**
	 * Remove an app, for example one removed at runtime: it stops reconnecting and its connection
	 * is closed with a close frame (and dropped if the close does not finish within a second).
	 * @param appName the app's name
	 * @return whether there was such an app
	 */
	public synchronized boolean removeApp(String appName) {
		List<StreamApp> next = new ArrayList<>(this.apps);
		if (!next.removeIf((app) -> app.name().equals(appName))) {
			return false;
		}
		this.apps = List.copyOf(next);
		for (AppStream stream : this.streams) {
			if (stream.name().equals(appName)) {
				this.streams.remove(stream);
				logger.info("Closing the Stream connection of DingTalk app '{}', removed at runtime", appName);
				stream.stopReconnecting();
				stream.stop().orTimeout(1, TimeUnit.SECONDS).whenComplete((result, ex) -> stream.abort());
			}
		}
		return true;
	}

	private Collection<ApplicationListener<?>> listeners() {
		if (this.context instanceof AbstractApplicationContext abstractContext) {
			return abstractContext.getApplicationListeners();
		}
		return Set.of();
	}

	private long tickMillis() {
		long shortest = Math.min(this.settings.keepAlive().toMillis(),
				Math.min(this.settings.pongTimeout().toMillis(), this.settings.idleTimeout().toMillis()));
		return Math.max(10, Math.min(1000, shortest / 4));
	}

	private void check() {
		long now = System.nanoTime();
		for (AppStream stream : this.streams) {
			try {
				stream.check(now);
			}
			catch (RuntimeException ex) {
				logger.warn("Stream keep-alive check of app '{}' failed", stream.name(), ex);
			}
		}
	}

	/**
	 * Stop reconnecting, let running listeners finish and answer (for a few seconds), then close
	 * every connection.
	 */
	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		if (this.scheduler == null) {
			return;
		}
		for (AppStream stream : this.streams) {
			stream.stopReconnecting();
		}
		this.handlers.shutdown();
		try {
			if (!this.handlers.awaitTermination(5, TimeUnit.SECONDS)) {
				logger.warn("Stream listeners still running after 5 s; closing the connections anyway");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		List<CompletableFuture<?>> closing = this.streams.stream().<CompletableFuture<?>>map(AppStream::stop).toList();
		this.scheduler.shutdownNow();
		try {
			CompletableFuture.allOf(closing.toArray(new CompletableFuture<?>[0])).get(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.debug("Closing Stream connections did not finish: {}", ex.getClass().getSimpleName());
		}
		this.streams.forEach(AppStream::abort);
		this.streams.clear();
		this.handlers.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Whether the app named {@code appName} has an open Stream connection.
	 * @param appName the app's name
	 * @return whether it is connected
	 */
	public boolean isConnected(String appName) {
		synchronized (this) {
			return this.streams.stream().anyMatch((stream) -> stream.name().equals(appName) && stream.isConnected());
		}
	}

	/**
	 * The apps that connect, those added at runtime included.
	 * @return the apps
	 */
	public List<StreamApp> getApps() {
		return this.apps;
	}

	private static ThreadFactory threads(String name, boolean numbered) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, numbered ? name + count.incrementAndGet() : name);
			thread.setDaemon(true);
			return thread;
		};
	}

	@Override
	public String toString() {
		return "DingTalkStreamClient" + this.apps.stream().map(StreamApp::name).toList();
	}

}
