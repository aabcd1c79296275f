package io.dingboot.test.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import jakarta.websocket.Session;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.websocket.server.WsSci;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.FileSystemUtils;

/**
 * A fake DingTalk Stream gateway on the loopback interface, for tests of Stream mode clients:
 * <ul>
 * <li>{@code POST /v1.0/gateway/connections/open} checks {@code clientId}/{@code clientSecret}
 * (401 {@code authFailed} otherwise) and {@code subscriptions}, and answers an endpoint with a
 * single-use ticket valid for 90 seconds; without {@code Accept: application/json} it answers XML,
 * as DingTalk does;</li>
 * <li>{@code /connect?ticket=...} upgrades to a WebSocket (401 for an unknown, used or expired
 * ticket) and pushes only what the connection subscribed to, to one connection of the app chosen
 * at random;</li>
 * <li>every ack is recorded; a frame without ack within the redelivery delay, or acked
 * {@code LATER} or with an error code, is delivered again after the redelivery delay;</li>
 * <li>faults: {@link GatewayConnection#disconnect()} (disconnect frame, close after the grace),
 * {@link GatewayConnection#drop()}, {@link GatewayConnection#halfOpen()}, raw frames.</li>
 * </ul>
 * <pre class="code">
 * try (FakeStreamGateway gateway = FakeStreamGateway.start().app("key", "secret")) {
 *     // dingtalk.api-base-url = gateway.apiBaseUrl()
 *     gateway.awaitConnection("key", Duration.ofSeconds(5));
 *     StreamPush push = gateway.pushEvent("key", "user_add_org", "e1", "{\"userId\":[\"u1\"]}");
 *     assertThat(push.awaitCompletion(Duration.ofSeconds(5)).status()).isEqualTo("SUCCESS");
 * }
 * </pre>
 * Needs {@code org.apache.tomcat.embed:tomcat-embed-websocket} on the test classpath.
 * {@link #start(Path, String)} serves the same over TLS ({@code https://localhost}, {@code wss://localhost}),
 * for clients that only open {@code wss://} endpoints.
 */
public final class FakeStreamGateway implements AutoCloseable {

	/** Path of the connection-open call. */
	public static final String OPEN_PATH = "/v1.0/gateway/connections/open";

	/** Topic of robot messages. */
	public static final String ROBOT_TOPIC = "/v1.0/im/bot/messages/get";

	/** Topic of card callbacks. */
	public static final String CARD_TOPIC = "/v1.0/card/instances/callback";

	/** The corp id of events pushed for an app whose corp id was not set. */
	public static final String DEFAULT_CORP_ID = "dingcorp";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> secrets = new ConcurrentHashMap<>();

	private final Map<String, String> names = new ConcurrentHashMap<>();

	private final Map<String, String> corpIds = new ConcurrentHashMap<>();

	private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

	private final List<OpenConnectionCall> openCalls = new CopyOnWriteArrayList<>();

	private final List<GatewayConnection> connections = new CopyOnWriteArrayList<>();

	// not copy-on-write: a gateway that takes many thousands of acks must not copy them all on each
	private final List<StreamAck> acks = new ArrayList<>();

	private final Map<String, StreamPush> pending = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<String>> pings = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private final AtomicLong pingEchoes = new AtomicLong();

	private final ScheduledExecutorService scheduler;

	private final Object monitor = new Object();

	private final Tomcat tomcat;

	/** Tomcat's working directory, a temporary directory removed again by {@link #close()}. */
	private final Path baseDir;

	private final int port;

	private final boolean tls;

	private volatile Duration redeliveryDelay = Duration.ofSeconds(5);

	private volatile Duration disconnectGrace = Duration.ofSeconds(10);

	private volatile Duration ticketTtl = Duration.ofSeconds(90);

	private volatile Clock clock = Clock.systemUTC();

	private volatile boolean newMessageIdOnRedelivery;

	private volatile Random random = new Random();

	private volatile boolean closed;

	private FakeStreamGateway(@Nullable Path keyStore, @Nullable String keyStorePassword) {
		this.tls = keyStore != null;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "fake-stream-gateway");
			thread.setDaemon(true);
			return thread;
		});
		try {
			this.baseDir = Files.createTempDirectory("fake-stream-gateway");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			this.tomcat = new Tomcat();
			this.tomcat.setBaseDir(this.baseDir.toString());
			Connector connector = new Connector("HTTP/1.1");
			connector.setPort(0);
			connector.setProperty("address", "127.0.0.1");
			if (keyStore != null) {
				SSLHostConfig ssl = new SSLHostConfig();
				SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl,
						SSLHostConfigCertificate.Type.UNDEFINED);
				certificate.setCertificateKeystoreFile(keyStore.toAbsolutePath().toString());
				certificate.setCertificateKeystorePassword(keyStorePassword);
				certificate.setCertificateKeystoreType("PKCS12");
				ssl.addCertificate(certificate);
				connector.addSslHostConfig(ssl);
				connector.setProperty("SSLEnabled", "true");
				connector.setScheme("https");
				connector.setSecure(true);
			}
			this.tomcat.setConnector(connector);
			Context context = this.tomcat.addContext("", null);
			context.addServletContainerInitializer(new WsSci(), null);
			Tomcat.addServlet(context, "open", new OpenConnectionServlet(this));
			context.addServletMappingDecoded(OPEN_PATH, "open");
			Tomcat.addServlet(context, "connect", new ConnectServlet(this));
			context.addServletMappingDecoded("/connect", "connect");
			this.tomcat.start();
			this.port = connector.getLocalPort();
		}
		catch (LifecycleException ex) {
			deleteBaseDir();
			throw new IllegalStateException("The fake Stream gateway could not start", ex);
		}
	}

	/**
	 * Start a gateway on a free loopback port.
	 * @return the running gateway
	 */
	public static FakeStreamGateway start() {
		return new FakeStreamGateway(null, null);
	}

	/**
	 * Start a gateway on a free loopback port that speaks only TLS: {@link #apiBaseUrl()} is
	 * {@code https://localhost:<port>} and connection-open answers {@code wss://localhost:<port>/connect}.
	 * The certificate is the key entry of a PKCS12 key store, issued for the host name
	 * {@code localhost} (clients send it as SNI, which takes no IP literal); clients must trust it,
	 * e.g. through {@code javax.net.ssl.trustStore}.
	 * @param keyStore the PKCS12 key store with the certificate and its private key
	 * @param password the password of the key store and of its key
	 * @return the running gateway
	 */
	public static FakeStreamGateway start(Path keyStore, String password) {
		Objects.requireNonNull(keyStore, "keyStore");
		Objects.requireNonNull(password, "password");
		return new FakeStreamGateway(keyStore, password);
	}

	/**
	 * Accept an app's credentials.
	 * @param clientId the AppKey
	 * @param clientSecret the AppSecret
	 * @return this gateway
	 */
	public FakeStreamGateway app(String clientId, String clientSecret) {
		this.secrets.put(clientId, clientSecret);
		return this;
	}

	/**
	 * Accept an app's credentials and let tests name the app by {@code name} wherever an AppKey is
	 * asked for ({@link #pushEvent}, {@link #awaitConnection}, {@link #openCalls(String)}, ...), as
	 * the application calls it in {@code dingtalk.apps.<name>}.
	 * @param name the app's name, e.g. {@code default} or {@code hr}
	 * @param clientId the AppKey
	 * @param clientSecret the AppSecret
	 * @return this gateway
	 */
	public FakeStreamGateway app(String name, String clientId, String clientSecret) {
		this.secrets.put(clientId, clientSecret);
		this.names.put(name, clientId);
		return this;
	}

	/**
	 * The corp id that {@link #pushEvent} puts in an app's {@code eventCorpId} header;
	 * {@value #DEFAULT_CORP_ID} unless set.
	 * @param app an AppKey or an app's name given to {@link #app(String, String, String)}
	 * @param corpId the corp id of the app's organisation
	 * @return this gateway
	 */
	public FakeStreamGateway corpId(String app, String corpId) {
		this.corpIds.put(clientId(app), corpId);
		return this;
	}

	/**
	 * The AppKey an app is known by: {@code app} itself, or the AppKey of the app so named in
	 * {@link #app(String, String, String)}.
	 * @param app an AppKey or an app's name
	 * @return the AppKey
	 */
	public String clientId(String app) {
		return this.names.getOrDefault(app, app);
	}

	/**
	 * How long an unanswered frame waits before it is delivered again, and how long a frame acked
	 * {@code LATER} waits. Default 5 s.
	 * @param delay the delay
	 * @return this gateway
	 */
	public FakeStreamGateway redeliveryDelay(Duration delay) {
		this.redeliveryDelay = delay;
		return this;
	}

	/**
	 * How long after a {@code disconnect} frame the connection is closed. Default 10 s.
	 * @param grace the grace
	 * @return this gateway
	 */
	public FakeStreamGateway disconnectGrace(Duration grace) {
		this.disconnectGrace = grace;
		return this;
	}

	/**
	 * How long a ticket is valid. Default 90 s.
	 * @param ttl the lifetime
	 * @return this gateway
	 */
	public FakeStreamGateway ticketTtl(Duration ttl) {
		this.ticketTtl = ttl;
		return this;
	}

	/**
	 * The clock tickets expire by.
	 * @param clock the clock
	 * @return this gateway
	 */
	public FakeStreamGateway clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	/**
	 * Whether a redelivery gets a new {@code messageId} (DingTalk's behaviour is not documented;
	 * the default keeps it).
	 * @param newMessageId whether to give redeliveries new ids
	 * @return this gateway
	 */
	public FakeStreamGateway newMessageIdOnRedelivery(boolean newMessageId) {
		this.newMessageIdOnRedelivery = newMessageId;
		return this;
	}

	/**
	 * The random source that picks a connection when an app has several.
	 * @param random the random source
	 * @return this gateway
	 */
	public FakeStreamGateway random(Random random) {
		this.random = random;
		return this;
	}

	/**
	 * Send a SYSTEM {@code ping} to every open connection at this interval.
	 * @param interval the interval
	 * @return this gateway
	 */
	public FakeStreamGateway pingEvery(Duration interval) {
		this.scheduler.scheduleWithFixedDelay(() -> this.connections.stream()
			.filter(GatewayConnection::isOpen)
			.forEach(this::ping), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
		return this;
	}

	/**
	 * The base URL to set as {@code dingtalk.api-base-url}.
	 * @return {@code http://127.0.0.1:<port>}, or {@code https://localhost:<port>} with TLS
	 */
	public String apiBaseUrl() {
		return (this.tls ? "https://localhost:" : "http://127.0.0.1:") + this.port;
	}

	/**
	 * The port.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Every connection-open call, in order.
	 * @return the calls
	 */
	public List<OpenConnectionCall> openCalls() {
		return List.copyOf(this.openCalls);
	}

	/**
	 * The connection-open calls of one app.
	 * @param clientId the AppKey, or the app's name given to {@link #app(String, String, String)}
	 * @return the calls
	 */
	public List<OpenConnectionCall> openCalls(String clientId) {
		String key = clientId(clientId);
		return this.openCalls.stream().filter((call) -> key.equals(call.clientId())).toList();
	}

	/**
	 * Every connection ever opened, in order.
	 * @return the connections
	 */
	public List<GatewayConnection> allConnections() {
		return List.copyOf(this.connections);
	}

	/**
	 * The open connections of one app that take pushes.
	 * @param clientId the AppKey, or the app's name given to {@link #app(String, String, String)}
	 * @return the connections
	 */
	public List<GatewayConnection> connections(String clientId) {
		String key = clientId(clientId);
		return this.connections.stream()
			.filter((connection) -> key.equals(connection.clientId()) && connection.takesPushes())
			.toList();
	}

	/**
	 * Every ack received, in order.
	 * @return the acks
	 */
	public List<StreamAck> acks() {
		synchronized (this.acks) {
			return List.copyOf(this.acks);
		}
	}

	/**
	 * How many SYSTEM ping echoes arrived.
	 * @return the number of echoes
	 */
	public long pingEchoes() {
		return this.pingEchoes.get();
	}

	/**
	 * Wait until an app has a connection that takes pushes.
	 * @param clientId the AppKey, or the app's name given to {@link #app(String, String, String)}
	 * @param timeout how long to wait
	 * @return the newest such connection
	 */
	public GatewayConnection awaitConnection(String clientId, Duration timeout) {
		awaitCondition(() -> !connections(clientId).isEmpty(), timeout, "a connection of " + clientId);
		List<GatewayConnection> open = connections(clientId);
		return open.get(open.size() - 1);
	}

	/**
	 * Wait until an app has a connection that takes pushes other than {@code previous}.
	 * @param clientId the AppKey, or the app's name given to {@link #app(String, String, String)}
	 * @param previous the connection that must not count
	 * @param timeout how long to wait
	 * @return the newest such connection
	 */
	public GatewayConnection awaitNewConnection(String clientId, GatewayConnection previous, Duration timeout) {
		awaitCondition(() -> connections(clientId).stream().anyMatch((c) -> c != previous), timeout,
				"a new connection of " + clientId);
		List<GatewayConnection> open = connections(clientId).stream().filter((c) -> c != previous).toList();
		return open.get(open.size() - 1);
	}

	/**
	 * Wait until {@code condition} holds; re-checked whenever the gateway's state changes.
	 * @param condition the condition
	 * @param timeout how long to wait
	 * @param what what is waited for, for the failure message
	 * @throws AssertionError when it does not hold in time
	 */
	public void awaitCondition(BooleanSupplier condition, Duration timeout, String what) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.monitor) {
			while (!condition.getAsBoolean()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
				}
				try {
					this.monitor.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 50)));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError("Interrupted waiting for " + what, ex);
				}
			}
		}
	}

	private void changed() {
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
	}

	/**
	 * Push an event (frame type EVENT) to one connection of the app.
	 * @param clientId the AppKey, or the app's name given to {@link #app(String, String, String)}
	 * @param eventType the {@code eventType} header, e.g. {@code user_add_org}
	 * @param eventId the {@code eventId} header
	 * @param data the camelCase event JSON, e.g. {@code {"userId":["u1"]}}
	 * @return the push
	 */
	public StreamPush pushEvent(String clientId, String eventType, String eventId, String data) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("eventType", eventType);
		headers.put("eventId", eventId);
		headers.put("eventCorpId", this.corpIds.getOrDefault(clientId(clientId), DEFAULT_CORP_ID));
		headers.put("eventBornTime", Long.toString(this.clock.millis()));
		headers.put("eventUnifiedAppId", UUID.nameUUIDFromBytes(clientId(clientId).getBytes()).toString());
		return push(clientId, "EVENT", "*", headers, data);
	}

	/**
	 * Push a robot message (CALLBACK {@value #ROBOT_TOPIC}) to one connection of the app.
	 * @param clientId the AppKey, or the app's name given to {@link #app(String, String, String)}
	 * @param data the message JSON (see {@link #robotTextMessage})
	 * @return the push
	 */
	public StreamPush pushRobotMessage(String clientId, String data) {
		return push(clientId, "CALLBACK", ROBOT_TOPIC, Map.of(), data);
	}

	/**
	 * Push a card callback (CALLBACK {@value #CARD_TOPIC}) to one connection of the app.
	 * @param clientId the AppKey, or the app's name given to {@link #app(String, String, String)}
	 * @param data the callback JSON
	 * @return the push
	 */
	public StreamPush pushCardCallback(String clientId, String data) {
		return push(clientId, "CALLBACK", CARD_TOPIC, Map.of(), data);
	}

	/**
	 * Push any frame to one connection of the app that subscribed to it; until one does, the push
	 * waits and is tried again after the redelivery delay.
	 * @param clientId the AppKey, or the app's name given to {@link #app(String, String, String)}
	 * @param type {@code EVENT} or {@code CALLBACK}
	 * @param topic the topic header
	 * @param headers further headers
	 * @param data the data string
	 * @return the push
	 */
	public StreamPush push(String clientId, String type, String topic, Map<String, String> headers, String data) {
		StreamPush push = new StreamPush(clientId(clientId), type, topic, data, headers);
		deliver(push);
		return push;
	}

	/**
	 * A robot text message JSON, as DingTalk sends it from a group.
	 * @param msgId the message id
	 * @param senderStaffId the sender's userid
	 * @param text the text
	 * @return the JSON
	 */
	public static String robotTextMessage(String msgId, String senderStaffId, String text) {
		ObjectNode message = JSON.createObjectNode();
		long now = System.currentTimeMillis();
		message.put("conversationId", "cidFakeGroup==");
		message.put("conversationType", "2");
		message.put("conversationTitle", "Demo group");
		message.put("chatbotCorpId", DEFAULT_CORP_ID);
		message.put("chatbotUserId", "$:LWCP_v1:$fakebot");
		message.put("msgId", msgId);
		message.put("msgtype", "text");
		message.putObject("text").put("content", " " + text);
		message.put("createAt", now);
		message.put("senderId", "$:LWCP_v1:$" + senderStaffId);
		message.put("senderNick", senderStaffId);
		message.put("senderStaffId", senderStaffId);
		message.put("senderCorpId", DEFAULT_CORP_ID);
		message.put("isAdmin", false);
		message.put("isInAtList", true);
		message.put("robotCode", "dingfakerobot");
		message.putArray("atUsers").addObject().put("dingtalkId", "$:LWCP_v1:$fakebot");
		message.put("sessionWebhook", "https://oapi.dingtalk.com/robot/sendBySession?session=fake" + msgId);
		message.put("sessionWebhookExpiredTime", now + 5_400_000);
		return JSON.writeValueAsString(message);
	}

	private void deliver(StreamPush push) {
		if (this.closed || push.isComplete()) {
			return;
		}
		List<GatewayConnection> eligible = this.connections.stream()
			.filter((c) -> c.clientId().equals(push.clientId()) && c.takesPushes()
					&& c.subscribed(push.type(), push.topic()))
			.toList();
		int delivery = push.deliveries();
		if (eligible.isEmpty()) {
			schedule(() -> deliver(push), this.redeliveryDelay);
			return;
		}
		GatewayConnection connection = eligible.get(this.random.nextInt(eligible.size()));
		String messageId = (push.messageId() == null || this.newMessageIdOnRedelivery) ? newMessageId()
				: push.messageId();
		this.pending.put(messageId, push);
		push.delivered(messageId, connection.id());
		ObjectNode frame = JSON.createObjectNode();
		frame.put("specVersion", "1.0");
		frame.put("type", push.type());
		ObjectNode headers = frame.putObject("headers");
		headers.put("appId", UUID.nameUUIDFromBytes(push.clientId().getBytes()).toString());
		headers.put("connectionId", connection.id());
		headers.put("contentType", "application/json");
		headers.put("messageId", messageId);
		headers.put("time", Long.toString(this.clock.millis()));
		headers.put("topic", push.topic());
		push.headers().forEach(headers::put);
		frame.put("data", push.data());
		connection.send(JSON.writeValueAsString(frame));
		changed();
		int acksBefore = push.acks().size();
		schedule(() -> {
			if (!push.isComplete() && push.deliveries() == delivery + 1 && push.acks().size() == acksBefore) {
				deliver(push);
			}
		}, this.redeliveryDelay);
	}

	private String newMessageId() {
		return "fake_" + Long.toHexString(System.nanoTime()) + "_" + this.ids.incrementAndGet();
	}

	private void schedule(Runnable task, Duration delay) {
		if (!this.closed) {
			this.scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	CompletableFuture<String> ping(GatewayConnection connection) {
		String messageId = "ping_" + this.ids.incrementAndGet();
		CompletableFuture<String> echo = new CompletableFuture<>();
		this.pings.put(messageId, echo);
		ObjectNode frame = JSON.createObjectNode();
		frame.put("specVersion", "1.0");
		frame.put("type", "SYSTEM");
		ObjectNode headers = frame.putObject("headers");
		headers.put("contentType", "application/json");
		headers.put("messageId", messageId);
		headers.put("time", Long.toString(this.clock.millis()));
		headers.put("topic", "ping");
		frame.put("data", "{\"opaque\":\"" + UUID.randomUUID() + "\"}");
		connection.send(JSON.writeValueAsString(frame));
		return echo;
	}

	void disconnect(GatewayConnection connection) {
		connection.startDisconnecting();
		ObjectNode frame = JSON.createObjectNode();
		frame.put("specVersion", "1.0");
		frame.put("type", "SYSTEM");
		ObjectNode headers = frame.putObject("headers");
		headers.put("contentType", "application/json");
		headers.put("messageId", "disconnect_" + this.ids.incrementAndGet());
		headers.put("time", Long.toString(this.clock.millis()));
		headers.put("topic", "disconnect");
		frame.put("data", "{\"reason\":\"persistent connection is timeout\"}");
		connection.send(JSON.writeValueAsString(frame));
		changed();
		schedule(connection::close, this.disconnectGrace);
	}

	// connections/open

	OpenAnswer open(String body, String accept) {
		JsonNode request;
		try {
			request = JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			request = null;
		}
		String clientId = text(request, "clientId");
		String clientSecret = text(request, "clientSecret");
		List<StreamSubscription> subscriptions = new ArrayList<>();
		JsonNode list = (request != null) ? request.get("subscriptions") : null;
		if (list != null && list.isArray()) {
			for (JsonNode item : list) {
				subscriptions.add(new StreamSubscription(text(item, "type"), text(item, "topic")));
			}
		}
		OpenAnswer answer;
		if (accept == null || !accept.contains("application/json")) {
			answer = new OpenAnswer(200, "application/xml",
					"<xml><code>acceptRequired</code><message>Accept: application/json expected</message></xml>");
		}
		else if (clientId == null || clientSecret == null || subscriptions.isEmpty()) {
			answer = error(400, "invalidParameter", "clientId, clientSecret and subscriptions are required");
		}
		else if (!clientSecret.equals(this.secrets.get(clientId))) {
			answer = error(401, "authFailed", "鉴权失败");
		}
		else {
			String ticket = UUID.randomUUID().toString();
			this.tickets.put(ticket, new Ticket(clientId, new LinkedHashSet<>(subscriptions), this.clock.instant()));
			ObjectNode ok = JSON.createObjectNode();
			ok.put("endpoint", (this.tls ? "wss://localhost:" : "ws://127.0.0.1:") + this.port + "/connect");
			ok.put("ticket", ticket);
			answer = new OpenAnswer(200, "application/json;charset=utf-8", JSON.writeValueAsString(ok));
		}
		this.openCalls.add(new OpenConnectionCall(clientId, List.copyOf(subscriptions), text(request, "ua"),
				text(request, "localIp"), accept, answer.status()));
		changed();
		return answer;
	}

	private static OpenAnswer error(int status, String code, String message) {
		ObjectNode error = JSON.createObjectNode();
		error.put("requestid", UUID.randomUUID().toString());
		error.put("code", code);
		error.put("message", message);
		return new OpenAnswer(status, "application/json;charset=utf-8", JSON.writeValueAsString(error));
	}

	/**
	 * Take a ticket for a WebSocket handshake: valid once, within the ticket lifetime.
	 */
	Ticket redeem(String ticket) {
		Ticket found = (ticket != null) ? this.tickets.get(ticket) : null;
		if (found == null || !found.used().compareAndSet(false, true)) {
			return null;
		}
		if (this.clock.instant().isAfter(found.issuedAt().plus(this.ticketTtl))) {
			return null;
		}
		return found;
	}

	Ticket redeemed(String ticket) {
		return (ticket != null) ? this.tickets.get(ticket) : null;
	}

	// WebSocket

	GatewayConnection opened(Session session, Ticket ticket) {
		GatewayConnection connection = new GatewayConnection(this, "conn-" + this.ids.incrementAndGet(),
				ticket.clientId(), ticket.subscriptions(), session);
		this.connections.add(connection);
		changed();
		return connection;
	}

	void closed(GatewayConnection connection) {
		connection.markClosed();
		changed();
	}

	void received(GatewayConnection connection, String text) {
		if (connection.isHalfOpen()) {
			return;
		}
		JsonNode response;
		try {
			response = JSON.readTree(text);
		}
		catch (RuntimeException ex) {
			return;
		}
		JsonNode headers = response.get("headers");
		String messageId = text(headers, "messageId");
		if (messageId == null) {
			return;
		}
		String data = text(response, "data");
		CompletableFuture<String> echo = this.pings.remove(messageId);
		if (echo != null) {
			this.pingEchoes.incrementAndGet();
			echo.complete(data);
			changed();
			return;
		}
		String status = null;
		if (data != null) {
			try {
				status = text(JSON.readTree(data), "status");
			}
			catch (RuntimeException ex) {
				// not JSON: no status
			}
		}
		JsonNode code = response.get("code");
		StreamAck ack = new StreamAck(messageId, (code != null && code.isNumber()) ? code.intValue() : -1,
				text(response, "message"), data, status, connection.id(), text(headers, "contentType"));
		synchronized (this.acks) {
			this.acks.add(ack);
		}
		StreamPush push = this.pending.get(messageId);
		if (push != null) {
			push.acked(ack);
			if (ack.isRetry()) {
				int deliveries = push.deliveries();
				schedule(() -> {
					if (push.deliveries() == deliveries) {
						deliver(push);
					}
				}, this.redeliveryDelay);
			}
		}
		changed();
	}

	private static String text(JsonNode node, String name) {
		if (node == null || !node.isObject()) {
			return null;
		}
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isString() ? value.stringValue() : value.toString();
	}

	@Override
	public void close() {
		this.closed = true;
		this.scheduler.shutdownNow();
		for (GatewayConnection connection : this.connections) {
			connection.close();
		}
		try {
			this.tomcat.stop();
			this.tomcat.destroy();
		}
		catch (LifecycleException ex) {
			// stopping anyway
		}
		finally {
			deleteBaseDir();
		}
	}

	/**
	 * Tomcat's working directory, which lives as long as the gateway.
	 * @return the directory
	 */
	Path baseDir() {
		return this.baseDir;
	}

	private void deleteBaseDir() {
		try {
			FileSystemUtils.deleteRecursively(this.baseDir);
		}
		catch (IOException ex) {
			// a temporary directory: left to the system
		}
		// the first Tomcat of a JVM points catalina.home and catalina.base at its base directory,
		// and every later one would create it again
		String dir = this.baseDir.toString();
		System.getProperties().remove("catalina.home", dir);
		System.getProperties().remove("catalina.base", dir);
	}

	@Override
	public String toString() {
		return "FakeStreamGateway{" + apiBaseUrl() + "}";
	}

	record Ticket(String clientId, Set<StreamSubscription> subscriptions, Instant issuedAt, AtomicBoolean used) {

		Ticket(String clientId, Set<StreamSubscription> subscriptions, Instant issuedAt) {
			this(clientId, subscriptions, issuedAt, new AtomicBoolean());
		}

	}

	record OpenAnswer(int status, String contentType, String body) {

	}

}
