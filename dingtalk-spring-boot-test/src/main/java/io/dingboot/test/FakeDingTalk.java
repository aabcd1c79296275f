package io.dingboot.test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.dingboot.test.stream.FakeStreamGateway;
import org.jspecify.annotations.Nullable;

/**
 * A fake DingTalk server (legacy {@code oapi} family) on the loopback interface, built on
 * WireMock. It answers from a {@link FakeOrganization} in DingTalk's wire format, errors
 * included, records what it is sent (the most recent {@link Builder#recordCapacity(int)} records
 * of each kind), answers endpoints it does not know from {@link #stub(String, String) stubs}, and
 * fails on demand:
 * <pre class="code">
 * try (FakeDingTalk fake = FakeDingTalk.start(FakeOrganization.demo())) {
 *     // dingtalk.base-url = fake.baseUrl(), credentials = fake.organization().app()
 *     fake.failNext("/topapi/v2/user/get", 1, 90018);
 *     ...
 *     assertThat(fake.gettokenCount()).isEqualTo(1);
 * }
 * </pre>
 * <p>
 * One fake hosts several apps, in one organisation or in several: the app
 * {@value #DEFAULT_APP} of its {@link #organization() organisation}, and any app added with
 * {@link Builder#app(String, String, String, String)}, {@link Builder#app(String, FakeOrganization)}
 * or {@link #addApp(String, FakeApp)}. Each app gets its own access token, its free-login codes are
 * valid only with its own token, and its token sees its own organisation's users and departments:
 * <pre class="code">
 * FakeDingTalk fake = FakeDingTalk.builder()
 *     .organization(FakeOrganization.demo())                        // the app "default"
 *     .app("hr", "dinghrappkey", "hr-app-secret", "dingdemocorp")   // another app, same organisation
 *     .app("branch", branchOrganization)                            // another organisation's app
 *     .build()
 *     .start();
 * String code = fake.issueAuthCode("hr", "zhangsan");
 * </pre>
 * <p>
 * {@link #stream()} adds a Stream mode gateway that accepts every hosted app; the fake answers
 * {@code connections/open} through it, so a Stream client pointed at {@link #baseUrl()} connects.
 */
public final class FakeDingTalk implements AutoCloseable {

	/** Records of each kind a fake keeps unless {@link Builder#recordCapacity(int)} says otherwise. */
	public static final int DEFAULT_RECORD_CAPACITY = 1000;

	/** Name of the app of the fake's organisation, as DingBoot names the top-level app. */
	public static final String DEFAULT_APP = "default";

	private final FakeState state;

	private final WireMockServer server;

	private final FakeRobots robots;

	private final FakeWebhookRobots webhookRobots;

	private final Object streamMonitor = new Object();

	private volatile ApplicationUnderTest application;

	private volatile FakeStreamGateway stream;

	private StubMapping streamProxy;

	private FakeDingTalk(Builder builder) {
		this.state = new FakeState(builder.organization, builder.clock, builder.tokenLifetime, builder.recordCapacity);
		this.robots = new FakeRobots(this.state, this::baseUrl);
		this.webhookRobots = new FakeWebhookRobots(builder.clock, builder.recordCapacity);
		for (Builder.AddedApp added : builder.apps) {
			added.addTo(this);
		}
		EndpointGroup[] groups = { new TokenEndpoints(this.state), new UserEndpoints(this.state),
				new DepartmentEndpoints(this.state), new MessageEndpoints(this.state), new MediaEndpoints(this.state),
				new JsapiEndpoints(this.state), new CallbackEndpoints(this.state), new V1TokenEndpoints(this.state),
				new RobotEndpoints(this.state, this.robots), new CardEndpoints(this.state, this.robots),
				new RobotWebhookEndpoints(this.state, this.webhookRobots), new OAuth2LoginEndpoints(this.state),
				new UnknownEndpoints(this.state) };
		WireMockConfiguration options = WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.port(builder.port)
			.disableRequestJournal()
			.mappingSource(new NoMappings())
			.templatingEnabled(false)
			.gzipDisabled(true)
			.notifier(new QuietNotifier())
			.extensions((Extension[]) groups);
		this.server = new WireMockServer(options);
		for (EndpointGroup group : groups) {
			for (String path : group.paths()) {
				this.server.stubFor(WireMock.any(WireMock.urlPathEqualTo(path))
					.atPriority(1)
					.willReturn(WireMock.aResponse().withTransformers(group.getName())));
			}
		}
		this.server.stubFor(WireMock.any(WireMock.anyUrl())
			.atPriority(10)
			.willReturn(WireMock.aResponse().withTransformers(groups[groups.length - 1].getName())));
	}

	/**
	 * Start configuring a fake.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start a fake for {@code organization} on a free port.
	 * @param organization the organisation
	 * @return the running fake
	 */
	public static FakeDingTalk start(FakeOrganization organization) {
		return builder().organization(organization).build().start();
	}

	/**
	 * Start the server; does nothing when it runs already.
	 * @return this fake
	 */
	public synchronized FakeDingTalk start() {
		if (!this.server.isRunning()) {
			this.server.start();
		}
		return this;
	}

	/**
	 * Stop the server; does nothing when it is stopped.
	 */
	public synchronized void stop() {
		closeStream();
		if (this.server.isRunning()) {
			this.server.stop();
		}
	}

	/**
	 * The Stream gateway of this fake, started on first use (on a port of its own) and closed with
	 * the fake. It accepts the credentials of every hosted app, those added later included, and knows
	 * each app by its name as well as by its app key; the fake answers
	 * {@code POST /v1.0/gateway/connections/open} on {@link #baseUrl()} by handing the call to it,
	 * so that a Stream client whose {@code dingtalk.api-base-url} is the fake connects to it.
	 * {@link AutoConfigureFakeDingTalk} starts it before the context refreshes when the application
	 * enables Stream mode.
	 * <pre class="code">
	 * fake.stream().awaitConnection("default", Duration.ofSeconds(5));
	 * StreamPush push = fake.stream().pushEvent("default", "user_add_org", "event-1", "{\"userId\":[\"zhangsan\"]}");
	 * assertThat(push.awaitCompletion(Duration.ofSeconds(5)).status()).isEqualTo("SUCCESS");
	 * </pre>
	 * The faults of {@link #failNext} do not apply to {@code connections/open}; the gateway has its
	 * own ({@link io.dingboot.test.stream.GatewayConnection#drop()}, ...).
	 * @return the running gateway
	 * @throws IllegalStateException when {@code org.apache.tomcat.embed:tomcat-embed-websocket} is
	 * not on the class path, or the fake is not running
	 */
	public FakeStreamGateway stream() {
		FakeStreamGateway gateway = this.stream;
		if (gateway != null) {
			return gateway;
		}
		requireStreamGatewayClasses(FakeDingTalk.class.getClassLoader());
		synchronized (this.streamMonitor) {
			if (this.stream == null) {
				if (!isRunning()) {
					throw new IllegalStateException("FakeDingTalk is not running; start it before stream()");
				}
				FakeStreamGateway started = FakeStreamGateway.start();
				for (FakeApps.Hosted hosted : this.state.apps.all()) {
					accept(started, hosted);
				}
				this.streamProxy = this.server.stubFor(WireMock.post(WireMock.urlPathEqualTo(FakeStreamGateway.OPEN_PATH))
					.atPriority(1)
					.willReturn(WireMock.aResponse().proxiedFrom(started.apiBaseUrl())));
				this.stream = started;
			}
			return this.stream;
		}
	}

	/**
	 * Fail with a message naming the dependency when the gateway's WebSocket server is missing.
	 * @param classLoader the class loader to look in
	 */
	static void requireStreamGatewayClasses(ClassLoader classLoader) {
		for (String name : new String[] { "org.apache.tomcat.websocket.server.WsSci",
				"org.apache.catalina.startup.Tomcat" }) {
			try {
				Class.forName(name, false, classLoader);
			}
			catch (ClassNotFoundException | LinkageError ex) {
				throw new IllegalStateException("FakeDingTalk.stream() runs a WebSocket server and needs "
						+ "org.apache.tomcat.embed:tomcat-embed-websocket on the test class path (an optional "
						+ "dependency of dingtalk-spring-boot-test): add it with <scope>test</scope>");
			}
		}
	}

	private void closeStream() {
		synchronized (this.streamMonitor) {
			FakeStreamGateway gateway = this.stream;
			if (gateway != null) {
				this.stream = null;
				this.server.removeStub(this.streamProxy);
				this.streamProxy = null;
				gateway.close();
			}
		}
	}

	private void streamAccepts(FakeApps.Hosted hosted) {
		synchronized (this.streamMonitor) {
			FakeStreamGateway gateway = this.stream;
			if (gateway != null) {
				accept(gateway, hosted);
			}
		}
	}

	private static void accept(FakeStreamGateway gateway, FakeApps.Hosted hosted) {
		gateway.app(hosted.name(), hosted.app().appKey(), hosted.app().appSecret());
		gateway.corpId(hosted.name(), hosted.app().corpId());
	}

	@Override
	public void close() {
		stop();
	}

	public boolean isRunning() {
		return this.server.isRunning();
	}

	/**
	 * The port the server listens on (running servers only).
	 * @return the port
	 */
	public int port() {
		if (!isRunning()) {
			throw new IllegalStateException("FakeDingTalk is not running");
		}
		return this.server.port();
	}

	/**
	 * The URL to set as {@code dingtalk.base-url}, e.g. {@code http://127.0.0.1:51234}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	public FakeOrganization organization() {
		return this.state.organization;
	}

	/**
	 * Issue a free-login code of the app {@value #DEFAULT_APP} for a user, valid once and for five
	 * minutes, to send to {@code /topapi/v2/user/getuserinfo} (or to the starter's login endpoint).
	 * @param userid the user
	 * @return the code
	 */
	public String issueAuthCode(String userid) {
		return issueAuthCode(DEFAULT_APP, userid);
	}

	/**
	 * Issue a free-login code of one app for a user of that app's organisation, valid once, for
	 * five minutes and only with that app's access token (as in DingTalk, another app's token gets
	 * 40078 for it).
	 * @param appName the app's name
	 * @param userid the user
	 * @return the code
	 */
	public String issueAuthCode(String appName, String userid) {
		FakeApps.Hosted hosted = hosted(appName);
		if (hosted.organization().user(userid).isEmpty()) {
			throw new IllegalArgumentException("No user '" + userid + "' in the organisation of the fake app '"
					+ appName + "' (" + hosted.organization().name() + ")");
		}
		return this.state.authCodes.issue(appName, userid);
	}

	/**
	 * The credentials of a hosted app.
	 * @param appName the app's name, {@value #DEFAULT_APP} for the organisation's own app
	 * @return the app
	 * @throws IllegalArgumentException when the fake hosts no such app
	 */
	public FakeApp app(String appName) {
		return hosted(appName).app();
	}

	/**
	 * The names of the hosted apps, {@value #DEFAULT_APP} first.
	 * @return the names
	 */
	public List<String> appNames() {
		return this.state.apps.names();
	}

	/**
	 * The organisation of a hosted app.
	 * @param appName the app's name
	 * @return the organisation
	 * @throws IllegalArgumentException when the fake hosts no such app
	 */
	public FakeOrganization organizationOf(String appName) {
		return hosted(appName).organization();
	}

	/**
	 * Host another app, e.g. one the application registers at runtime, in the organisation of its
	 * corp id (one of the organisations the fake knows).
	 * @param appName the app's name: lowercase letters, digits and '-'
	 * @param app its credentials; its app key must be new to the fake
	 * @return this fake
	 * @throws IllegalArgumentException when the name or app key is taken or the corp id unknown
	 */
	public FakeDingTalk addApp(String appName, FakeApp app) {
		FakeOrganization organization = this.state.apps.organization(app.corpId());
		if (organization == null) {
			throw new IllegalArgumentException("The fake knows no organisation with corp id " + app.corpId()
					+ "; add the app with addApp(name, organization)");
		}
		streamAccepts(this.state.apps.add(appName, app, organization));
		return this;
	}

	/**
	 * Host another organisation, served by its own app ({@link FakeOrganization#app()}) under
	 * {@code appName}.
	 * @param appName the app's name: lowercase letters, digits and '-'
	 * @param organization the organisation, with an app key new to the fake
	 * @return this fake
	 */
	public FakeDingTalk addApp(String appName, FakeOrganization organization) {
		streamAccepts(this.state.apps.add(appName, organization.app(), organization));
		return this;
	}

	/**
	 * The JSAPI ticket the fake hands an app now, the one {@code /get_jsapi_ticket} answers with
	 * the app's token (issued here when the app has none), e.g. to compute the dd.config signature
	 * the application should answer. Asking counts no call.
	 * @param appName the app's name
	 * @return the ticket
	 */
	public String jsapiTicket(String appName) {
		FakeApps.Hosted hosted = hosted(appName);
		return this.state.tokens.ticket(FakeApps.appKeyCredential(hosted), JsapiEndpoints.TICKET_LIFETIME).value();
	}

	private FakeApps.Hosted hosted(String appName) {
		Objects.requireNonNull(appName, "appName");
		FakeApps.Hosted hosted = this.state.apps.byName(appName);
		if (hosted == null) {
			throw new IllegalArgumentException(
					"The fake hosts no app named '" + appName + "'; it hosts " + this.state.apps.names());
		}
		return hosted;
	}

	/**
	 * Make every issued access token and JSAPI ticket invalid now; the next {@code gettoken}
	 * issues a new token.
	 */
	public void expireAllTokens() {
		this.state.tokens.expireAll();
	}

	/**
	 * Answer the next {@code times} calls of {@code path} with {@code errcode} (wrapped in 88 with
	 * {@code sub_code} on {@code /topapi} for token and throttling codes, as DingTalk does).
	 * @param path the path, e.g. {@code /topapi/v2/user/get} or {@code /gettoken}
	 * @param times how many calls fail
	 * @param errcode the code, e.g. {@code -1}, {@code 90018}, {@code 40014}
	 */
	public void failNext(String path, int times, int errcode) {
		failNext(path, times, errcode, null);
	}

	/**
	 * Like {@link #failNext(String, int, int)} with a chosen {@code errmsg}.
	 * @param path the path
	 * @param times how many calls fail
	 * @param errcode the code
	 * @param errmsg the message, {@code null} for DingTalk's usual one
	 */
	public void failNext(String path, int times, int errcode, @Nullable String errmsg) {
		this.state.faults.failNext(requirePath(path), times, new FaultPlan.Failure.Errcode(errcode, errmsg));
	}

	/**
	 * Answer the next {@code times} calls of {@code path} with an HTTP status and a raw body (a
	 * gateway's HTML page, say).
	 * @param path the path
	 * @param times how many calls fail
	 * @param status the HTTP status
	 * @param body the body; JSON when it starts with <code>{</code>, HTML otherwise
	 */
	public void failNextWithStatus(String path, int times, int status, String body) {
		this.state.faults.failNext(requirePath(path), times, new FaultPlan.Failure.Status(status, body));
	}

	/**
	 * Answer the next {@code times} calls of a v1.0 path ({@code /v1.0/...}, stubbed or served)
	 * with a v1.0 error: its HTTP status and <code>{"code","requestid","message"}</code>.
	 * @param path the path, e.g. {@code /v1.0/contact/users/me}
	 * @param times how many calls fail
	 * @param error the error, e.g. {@link FakeV1Error#qpsLimitForApi()}
	 */
	public void failNext(String path, int times, FakeV1Error error) {
		Objects.requireNonNull(error, "error");
		this.state.faults.failNext(requirePath(path), times, new FaultPlan.Failure.Status(error.status(), error.toJson()));
	}

	/**
	 * Reset the connection, without an answer, on the next {@code times} calls of {@code path}.
	 * @param path the path
	 * @param times how many calls fail
	 */
	public void resetConnectionNext(String path, int times) {
		this.state.faults.failNext(requirePath(path), times, new FaultPlan.Failure.ConnectionReset());
	}

	/**
	 * Delay every answer.
	 * @param latency the delay, {@link Duration#ZERO} for none
	 */
	public void setLatency(Duration latency) {
		this.state.faults.setLatency(latency);
	}

	/**
	 * Delay the answers of one path (wins over {@link #setLatency(Duration)}).
	 * @param path the path
	 * @param latency the delay
	 */
	public void setLatency(String path, Duration latency) {
		this.state.faults.setLatency(requirePath(path), latency);
	}

	/**
	 * Set what {@code /call_back/get_call_back_failed_result} hands out next (items such as
	 * <code>{"event_time":..., "call_back_tag":"user_add_org", "userid":[...], "corpid":"..."}</code>).
	 * @param failed the failed pushes
	 */
	public void setFailedCallbacks(List<Map<String, Object>> failed) {
		this.state.setFailedCallbacks(List.copyOf(failed));
	}

	/**
	 * Push an event to the application under test the way DingTalk does, with the application's own
	 * settings: its callback URL ({@code http://127.0.0.1:<local.server.port><context-path><dingtalk.callback.path>}),
	 * {@code dingtalk.callback.token}, {@code dingtalk.callback.aes-key}, and the first of
	 * {@code dingtalk.callback.owner-key} (else {@code dingtalk.app-key}, else {@code dingtalk.corp-id})
	 * as owner key. The event is <code>{"EventType":type,"EventTime":now,"CorpId":...,"eventId":random}</code>
	 * followed by {@code fields} (a field of the same name wins, e.g. {@code eventId} to push one event
	 * twice). Needs {@link AutoConfigureFakeDingTalk} on a test with a running server
	 * ({@code webEnvironment = RANDOM_PORT}) and {@code dingtalk.callback.enabled=true}.
	 * <pre class="code">
	 * CallbackPushResult result = fake.pushEvent("user_add_org", Map.of("userId", List.of("zhangsan")));
	 * assertThat(result.isSuccess()).isTrue();
	 * </pre>
	 * @param eventType the {@code EventType}, e.g. {@code user_add_org}
	 * @param fields the event's other fields, e.g. {@code userId} or {@code deptId}
	 * @return the HTTP status, the raw answer and the decrypted reply
	 * @throws IllegalStateException when the fake does not know the application, or the application
	 * has no callback endpoint or no running server
	 */
	public CallbackPushResult pushEvent(String eventType, Map<String, ?> fields) {
		return pushEvent(FakeEvent.of(eventType, fields));
	}

	/**
	 * Like {@link #pushEvent(String, Map)} with an event built by {@link FakeEvent}:
	 * <pre class="code">
	 * fake.pushEvent(FakeEvent.userAddOrg("zhangsan"));
	 * </pre>
	 * @param event the event
	 * @return the HTTP status, the raw answer and the decrypted reply
	 */
	public CallbackPushResult pushEvent(FakeEvent event) {
		Objects.requireNonNull(event, "event");
		ApplicationUnderTest.CallbackTarget target = requireApplication("pushEvent").callbackTarget();
		String json = event.toJson(this.state.clock, target.corpId());
		return CallbackPush.push(this.state.clock, target.url(), target.token(), target.aesKey(), target.ownerKey(),
				json);
	}

	/**
	 * Push an event for one app of the application under test the way DingTalk does, with that
	 * app's own settings: its callback URL
	 * ({@code http://127.0.0.1:<local.server.port><context-path><dingtalk.callback.path>/<app>}),
	 * {@code dingtalk.apps.<app>.callback.token}, {@code dingtalk.apps.<app>.callback.aes-key}, and
	 * the first of its {@code callback.owner-key} (else its {@code app-key}, else its
	 * {@code corp-id}) as owner key; the event carries the app's {@code corp-id}. The app
	 * {@code default} is {@link #pushEvent(String, Map)}.
	 * <pre class="code">
	 * CallbackPushResult result = fake.pushEvent("hr", "user_add_org", Map.of("userId", List.of("zhangsan")));
	 * </pre>
	 * @param app the app's name, as in {@code dingtalk.apps.<app>}
	 * @param eventType the {@code EventType}, e.g. {@code user_add_org}
	 * @param fields the event's other fields, e.g. {@code userId} or {@code deptId}
	 * @return the HTTP status, the raw answer and the decrypted reply
	 * @throws IllegalStateException when the fake does not know the application, or the app has no
	 * callback endpoint or the application no running server
	 */
	public CallbackPushResult pushEvent(String app, String eventType, Map<String, ?> fields) {
		return pushEvent(app, FakeEvent.of(eventType, fields));
	}

	/**
	 * Like {@link #pushEvent(String, String, Map)} with an event built by {@link FakeEvent}:
	 * <pre class="code">
	 * fake.pushEvent("hr", FakeEvent.userAddOrg("zhangsan"));
	 * </pre>
	 * @param app the app's name, as in {@code dingtalk.apps.<app>}; {@code default} for the
	 * top-level app
	 * @param event the event
	 * @return the HTTP status, the raw answer and the decrypted reply
	 */
	public CallbackPushResult pushEvent(String app, FakeEvent event) {
		Objects.requireNonNull(app, "app");
		Objects.requireNonNull(event, "event");
		ApplicationUnderTest application = requireApplication("pushEvent");
		ApplicationUnderTest.CallbackTarget target = "default".equals(app) ? application.callbackTarget()
				: application.callbackTarget(app);
		return CallbackPush.push(this.state.clock, target.url(), target.token(), target.aesKey(), target.ownerKey(),
				event.toJson(this.state.clock, target.corpId()));
	}

	/**
	 * Push an event to a callback URL the way DingTalk does: encrypt
	 * {@code eventJson} for {@code ownerKey}, sign it with {@code token}, and {@code POST}
	 * <code>{"encrypt":...}</code> with {@code msg_signature}, {@code timestamp} (milliseconds, from
	 * the fake's clock) and {@code nonce} in the query. Needs DingBoot's callback classes
	 * ({@code dingtalk-spring-boot-autoconfigure}) on the class path. With
	 * {@link AutoConfigureFakeDingTalk}, {@link #pushEvent(String, Map)} reads all of these from the
	 * application; this method is for a receiver the fake does not know, or for pushing with wrong
	 * settings on purpose.
	 * @param callbackUrl the callback URL, e.g. {@code http://127.0.0.1:8080/dingtalk/callback}
	 * @param token the callback token ({@code dingtalk.callback.token})
	 * @param aesKey the 43-character EncodingAESKey ({@code dingtalk.callback.aes-key})
	 * @param ownerKey the key the event is encrypted for: the app key for events subscribed in the
	 * developer console, the corp id for callbacks registered by API
	 * @param eventJson the decrypted event, e.g. <code>{"EventType":"user_add_org",...}</code>
	 * @return the HTTP status, the raw answer and the decrypted reply
	 */
	public CallbackPushResult pushEvent(String callbackUrl, String token, String aesKey, String ownerKey,
			String eventJson) {
		Objects.requireNonNull(callbackUrl, "callbackUrl");
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(aesKey, "aesKey");
		Objects.requireNonNull(ownerKey, "ownerKey");
		Objects.requireNonNull(eventJson, "eventJson");
		return CallbackPush.push(this.state.clock, callbackUrl, token, aesKey, ownerKey, eventJson);
	}

	/**
	 * Log in to the application under test as {@code userid} over real HTTP, the way the page does:
	 * an auth code from this fake, posted as JSON to the application's
	 * {@code dingtalk.login.processing-url} with the CSRF token of its {@code XSRF-TOKEN} cookie. The
	 * application's own provider, mapper and session handling run. Needs
	 * {@link AutoConfigureFakeDingTalk} on a test with a running server
	 * ({@code webEnvironment = RANDOM_PORT}); see {@link DingTalkLogin} for other applications.
	 * <pre class="code">
	 * DingTalkSession session = fake.login("zhangsan");
	 * restClient.get().uri("/api/me").headers(session::applyTo).retrieve()...
	 * </pre>
	 * @param userid the user, one of the fake organisation's
	 * @return the logged-in session
	 * @throws IllegalStateException when the login does not answer 200
	 */
	public DingTalkSession login(String userid) {
		return login(DEFAULT_APP, userid);
	}

	/**
	 * Like {@link #login(String)} for one app: a code of that app, posted to its login URL,
	 * {@code dingtalk.login.processing-url} followed by {@code /<appName>} (the app
	 * {@value #DEFAULT_APP} at the processing URL itself).
	 * <pre class="code">
	 * DingTalkSession session = fake.login("hr", "zhangsan");
	 * </pre>
	 * @param appName the app's name, as the application and the fake both call it
	 * @param userid the user, one of the organisation of that app
	 * @return the logged-in session
	 * @throws IllegalStateException when the login does not answer 200
	 */
	public DingTalkSession login(String appName, String userid) {
		ApplicationUnderTest application = requireApplication("login");
		return DingTalkLogin.to(application.baseUrl())
			.processingUrl(application.loginProcessingUrl())
			.app(appName)
			.login(this, userid);
	}

	/**
	 * Answer calls of an endpoint DingBoot does not wrap, for code that uses
	 * {@code DingTalkClient.execute(DingTalkRequest)} (without a stub the fake answers errcode 22
	 * on {@code /topapi} and 404 elsewhere). A stub also replaces the fake's own answer on a path
	 * it serves.
	 * <pre class="code">
	 * fake.stub("POST", "/topapi/attendance/getsimplegroups").answer(Map.of("result", Map.of("groups", List.of())));
	 * fake.stub("GET", "/v1.0/contact/users/me").answer(Map.of("nick", "张三"));
	 * </pre>
	 * @param method the HTTP method ({@code GET}, {@code POST}, ...), or {@link FakeStub#ANY_METHOD}
	 * @param path the path without query: a legacy path such as {@code /topapi/...} or a path of the
	 * new family such as {@code /v1.0/...}
	 * @return the stub, to say what it answers
	 */
	public FakeStub stub(String method, String path) {
		Objects.requireNonNull(method, "method");
		if (!method.equals(FakeStub.ANY_METHOD) && !method.matches("[A-Z]+")) {
			throw new IllegalArgumentException("method must be an HTTP method in upper case or \"*\": " + method);
		}
		return new FakeStub(this.state.stubs, method, requirePath(path));
	}

	/**
	 * Remove a stub.
	 * @param method the method it was made for
	 * @param path the path
	 * @return whether there was one
	 */
	public boolean removeStub(String method, String path) {
		return this.state.stubs.remove(method, requirePath(path));
	}

	/**
	 * The calls answered by stubs, oldest first (the most recent {@link #recordCapacity()} of them).
	 * @return the calls
	 */
	public List<StubbedCall> stubbedCalls() {
		return this.state.stubbedCalls();
	}

	/**
	 * The calls of one path answered by a stub, oldest first.
	 * @param path the path
	 * @return the calls
	 */
	public List<StubbedCall> stubbedCalls(String path) {
		String checked = requirePath(path);
		return stubbedCalls().stream().filter((call) -> call.path().equals(checked)).toList();
	}

	/**
	 * How many times {@code /gettoken} was called, whatever the answer.
	 * @return the count
	 */
	public int gettokenCount() {
		return callCount(TokenEndpoints.GETTOKEN);
	}

	/**
	 * How many times {@code /gettoken} was called with one app's app key or corp id (right secret
	 * or not).
	 * @param appName the app's name
	 * @return the count
	 */
	public int gettokenCount(String appName) {
		return this.state.gettokenCount(hosted(appName).name());
	}

	/**
	 * How many times {@code path} was called, whatever the answer (faults included).
	 * @param path the path, without query
	 * @return the count
	 */
	public int callCount(String path) {
		return this.state.journal.count(requirePath(path));
	}

	/**
	 * The work notifications received, oldest first, recalled ones included: all of them, or the
	 * most recent {@link #recordCapacity()} when more arrived ({@link #sentMessageCount()} says how
	 * many were dropped).
	 * @return the messages
	 */
	public List<SentMessage> sentMessages() {
		return this.state.messages();
	}

	/**
	 * The most recent work notifications, newest first; copies only those, so that a page showing
	 * an inbox stays cheap however many were sent.
	 * @param max how many at most
	 * @return the messages, newest first
	 */
	public List<SentMessage> latestSentMessages(int max) {
		return this.state.latestMessages(max);
	}

	/**
	 * How many work notifications arrived since start (or the last reset), how many are kept, and
	 * how many were dropped to keep at most {@link #recordCapacity()}.
	 * @return the count
	 */
	public RecordCount sentMessageCount() {
		return this.state.messageCount();
	}

	/**
	 * The work notifications that reached one user.
	 * @param userid the user
	 * @return the messages, in order
	 */
	public List<SentMessage> sentMessagesTo(String userid) {
		return sentMessages().stream().filter((message) -> message.recipients().contains(userid)).toList();
	}

	/**
	 * The files uploaded to {@code /media/upload}, oldest first (the most recent
	 * {@link #recordCapacity()} of them).
	 * @return the media
	 */
	public List<UploadedMedia> uploadedMedia() {
		return this.state.media();
	}

	/**
	 * How many files were uploaded, kept and dropped.
	 * @return the count
	 */
	public RecordCount uploadedMediaCount() {
		return this.state.mediaCount();
	}

	/**
	 * How many calls stubs answered, kept and dropped.
	 * @return the count
	 */
	public RecordCount stubbedCallCount() {
		return this.state.stubbedCallCount();
	}

	/**
	 * How many records of each kind (work notifications, uploaded media, stubbed calls) the fake
	 * keeps; beyond it the oldest are dropped.
	 * @return the capacity
	 */
	public int recordCapacity() {
		return this.state.recordCapacity();
	}

	/**
	 * The app robot and cards: messages robots sent, session webhooks, cards and their state.
	 * @return the robots' side of the fake
	 */
	public FakeRobots robots() {
		return this.robots;
	}

	/**
	 * A card's current state, as {@code robots().card(outTrackId)}.
	 * @param outTrackId the card's id
	 * @return the card, or {@code null} when none was created with that id
	 */
	public FakeCard card(String outTrackId) {
		return this.robots.card(outTrackId);
	}

	/**
	 * Forget calls counted, messages (robot messages included), media and stubbed calls; tokens,
	 * codes, stubs, planned faults and custom robots' rate windows stay.
	 */
	public void resetJournal() {
		this.state.clearJournal();
		this.robots.clear();
		this.webhookRobots.clearMessages();
	}

	/**
	 * Forget planned faults and latencies ({@link #failNext}, {@link #failNextWithStatus},
	 * {@link #resetConnectionNext}, {@link #setLatency}); tokens, stubs and the journal stay. With
	 * {@link #resetJournal()} it gives each test a clean fake while the application's cached token
	 * stays valid, so that call counts are exact from the first call.
	 */
	public void clearFaults() {
		this.state.faults.clear();
	}

	/**
	 * Back to the state just after start: journal, messages, media, tokens, tickets, codes, stubs,
	 * planned faults and latencies all cleared. The organisations and hosted apps stay.
	 */
	public void reset() {
		this.state.reset();
		this.robots.reset();
		this.webhookRobots.reset();
	}

	/**
	 * The custom group robots (自定义机器人) the fake knows and the messages they sent to
	 * {@code /robot/send}.
	 * @return the custom group robots
	 */
	public FakeWebhookRobots webhookRobots() {
		return this.webhookRobots;
	}

	/**
	 * Tell the fake which application it serves (set by {@link AutoConfigureFakeDingTalk}).
	 * @param application the application
	 */
	void attach(ApplicationUnderTest application) {
		this.application = application;
	}

	FakeState state() {
		return this.state;
	}

	private ApplicationUnderTest requireApplication(String method) {
		ApplicationUnderTest application = this.application;
		if (application == null) {
			throw new IllegalStateException(method + "(...) reads the application's settings, which the fake knows "
					+ "only with @AutoConfigureFakeDingTalk; pass them explicitly otherwise");
		}
		return application;
	}

	private static String requirePath(String path) {
		Objects.requireNonNull(path, "path");
		if (!path.startsWith("/") || path.contains("?")) {
			throw new IllegalArgumentException("path must start with '/' and hold no query: " + path);
		}
		return path;
	}

	@Override
	public String toString() {
		return "FakeDingTalk{" + (isRunning() ? baseUrl() : "stopped") + ", " + this.state.organization + "}";
	}

	/**
	 * Configures a {@link FakeDingTalk}.
	 */
	public static final class Builder {

		private FakeOrganization organization = FakeOrganization.demo();

		private Duration tokenLifetime = Duration.ofSeconds(7200);

		private Clock clock = Clock.systemUTC();

		private int port;

		private int recordCapacity = DEFAULT_RECORD_CAPACITY;

		private final List<AddedApp> apps = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Host another app in a known organisation (that of {@link #organization}, or of an app added
		 * before), with the current credential pair only and the next free agent id.
		 * @param name the app's name: lowercase letters, digits and '-'
		 * @param appKey its app key (Client ID), new to the fake
		 * @param appSecret its app secret
		 * @param corpId the corp id of its organisation
		 * @return this builder
		 */
		public Builder app(String name, String appKey, String appSecret, String corpId) {
			Objects.requireNonNull(appKey, "appKey");
			Objects.requireNonNull(appSecret, "appSecret");
			Objects.requireNonNull(corpId, "corpId");
			this.apps.add((fake) -> fake.addApp(name,
					FakeApp.of(appKey, appSecret, corpId, fake.state.apps.nextAgentId())));
			return this;
		}

		/**
		 * Host another app in a known organisation.
		 * @param name the app's name: lowercase letters, digits and '-'
		 * @param app its credentials
		 * @return this builder
		 */
		public Builder app(String name, FakeApp app) {
			Objects.requireNonNull(app, "app");
			this.apps.add((fake) -> fake.addApp(name, app));
			return this;
		}

		/**
		 * Host another organisation, served by its own app under {@code name}.
		 * @param name the app's name: lowercase letters, digits and '-'
		 * @param organization the organisation
		 * @return this builder
		 */
		public Builder app(String name, FakeOrganization organization) {
			Objects.requireNonNull(organization, "organization");
			this.apps.add((fake) -> fake.addApp(name, organization));
			return this;
		}

		/**
		 * Set how many records of each kind (work notifications, uploaded media, stubbed calls) the
		 * fake keeps; beyond it the oldest are dropped and counted ({@link RecordCount}). 1000 by
		 * default, so that a fake serving a long-running demo does not grow.
		 * @param recordCapacity the capacity, at least 1
		 * @return this builder
		 */
		public Builder recordCapacity(int recordCapacity) {
			if (recordCapacity < 1) {
				throw new IllegalArgumentException("recordCapacity must be >= 1, got " + recordCapacity);
			}
			this.recordCapacity = recordCapacity;
			return this;
		}

		/**
		 * Set the organisation; {@link FakeOrganization#demo()} by default.
		 * @param organization the organisation
		 * @return this builder
		 */
		public Builder organization(FakeOrganization organization) {
			this.organization = Objects.requireNonNull(organization, "organization");
			return this;
		}

		/**
		 * Set how long access tokens live; 7200 s by default.
		 * @param tokenLifetime the lifetime
		 * @return this builder
		 */
		public Builder tokenLifetime(Duration tokenLifetime) {
			if (tokenLifetime == null || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
				throw new IllegalArgumentException("tokenLifetime must be positive");
			}
			this.tokenLifetime = tokenLifetime;
			return this;
		}

		/**
		 * Set the clock that decides when tokens and auth codes expire.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Set the port; {@code 0} (default) picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Create the fake, not yet started.
		 * @return the fake
		 */
		public FakeDingTalk build() {
			return new FakeDingTalk(this);
		}

		@FunctionalInterface
		private interface AddedApp {

			void addTo(FakeDingTalk fake);

		}

	}

}
