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

}
