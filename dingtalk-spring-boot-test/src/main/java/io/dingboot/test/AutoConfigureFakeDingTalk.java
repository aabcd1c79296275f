package io.dingboot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link FakeDingTalk} for a Spring test's application context and points DingBoot at it:
 * the fake starts on a free loopback port before the context refreshes, is a bean
 * ({@code @Autowired FakeDingTalk fake}), and sets {@code dingtalk.base-url},
 * {@code dingtalk.app-key}, {@code dingtalk.app-secret}, {@code dingtalk.corp-id} and
 * {@code dingtalk.agent-id} to its app. It stops when the context closes. The fake reads the
 * application's settings when asked, so that {@link FakeDingTalk#pushEvent(String, java.util.Map)}
 * and {@link FakeDingTalk#login(String)} need no URL, token or key.
 * <p>
 * The fake also hosts every app the application defines under {@code dingtalk.apps.<name>}: in the
 * fake's organisation with credentials of its own (app key {@code ding<name>appkey}, app secret
 * {@code <name>-app-secret}, the next agent id), which it sets as
 * {@code dingtalk.apps.<name>.app-key}, {@code .app-secret}, {@code .corp-id}, {@code .agent-id}
 * and {@code .base-url}; or, when listed in {@link #apps()}, as the app of an organisation of its
 * own. {@link FakeDingTalk#login(String, String)} logs in with one of them. An application that
 * defines named apps and no top-level credentials ({@code dingtalk.app-key} or
 * {@code dingtalk.corp-secret}) is left without the app {@code default}, as it would run.
 * <p>
 * {@code dingtalk.api-base-url} (and {@code dingtalk.apps.<name>.api-base-url}) point at the fake
 * too, which also answers the Stream client's {@code connections/open} through its
 * {@link FakeDingTalk#stream() Stream gateway}. When the application enables Stream mode
 * ({@code dingtalk.stream.enabled=true} or {@code dingtalk.apps.<name>.stream.enabled=true}) the
 * gateway starts before the context refreshes, so the client's first connect succeeds; tests push
 * with {@code fake.stream().pushEvent("default", ...)}. It needs
 * {@code org.apache.tomcat.embed:tomcat-embed-websocket} on the test class path.
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureFakeDingTalk
 * class InboxTests {
 *     &#64;Autowired FakeDingTalk fake;
 * }
 * </pre>
 * Contexts are cached across test classes as usual, and the fake with them: reset what a test
 * relies on ({@link FakeDingTalk#resetJournal()}) before it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFakeDingTalk {

	/**
	 * Location of a YAML ({@code .yml}, {@code .yaml}) or JSON ({@code .json}) organisation, e.g.
	 * {@code classpath:dingtalk-org.yml}; empty for {@link FakeOrganization#demo()}.
	 * @return the location
	 */
	String organization() default "";

	/**
	 * How many records of each kind (work notifications, uploaded media, stubbed calls) the fake
	 * keeps; beyond it the oldest are dropped and counted.
	 * @return the capacity
	 */
	int recordCapacity() default FakeDingTalk.DEFAULT_RECORD_CAPACITY;

	/**
	 * Apps that live in an organisation of their own (another company after a merger, say): the
	 * fake hosts each under its name with the organisation's own app and users. Apps of
	 * {@code dingtalk.apps.<name>} not listed here live in the fake's {@link #organization()}.
	 * @return the apps
	 */
	App[] apps() default {};

	/**
	 * An app of {@link AutoConfigureFakeDingTalk#apps()}.
	 */
	@Target({})
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface App {

		/**
		 * The app's name, as in {@code dingtalk.apps.<name>}.
		 * @return the name
		 */
		String name();

		/**
		 * Location of the app's organisation, YAML or JSON as for
		 * {@link AutoConfigureFakeDingTalk#organization()}; its {@code app} section gives the app's
		 * credentials.
		 * @return the location
		 */
		String organization();

	}

}
