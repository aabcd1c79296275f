package io.dingboot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithSecurityContext;

/**
 * Runs a test as a DingTalk user logged in with free login (免登), for Spring Security's test
 * support ({@code MockMvc}, method security): the security context holds the
 * {@code DingTalkAuthenticationToken} a real login would produce, made by the application's own
 * {@code DingTalkUserMapper} (the default one gives {@code ROLE_DINGTALK_USER}, plus
 * {@code ROLE_DINGTALK_ADMIN} for administrators) from the same {@code DingTalkUser}.
 * <pre class="code">
 * &#64;Test
 * &#64;WithDingTalkUser("zhangsan")
 * void showsMyName() throws Exception {
 *     mvc.perform(get("/api/me")).andExpect(jsonPath("$.name").value("张三"));
 * }
 * </pre>
 * With {@link AutoConfigureFakeDingTalk} the user comes from the fake's organisation: name,
 * unionid, administrator flag and, when {@code dingtalk.login.fetch-user-details} is on (the
 * default), departments, title, avatar, boss and leader flags. The fake is not called. Without a
 * fake, the user is made from this annotation's attributes. Needs
 * {@code org.springframework.security:spring-security-test} on the test class path.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@WithSecurityContext(factory = WithDingTalkUserSecurityContextFactory.class)
public @interface WithDingTalkUser {

	/**
	 * The userid, e.g. {@code zhangsan}; with a fake it must be one of its organisation's users
	 * unless {@link #name()} is set.
	 * @return the userid
	 */
	String value();

	/**
	 * The display name when the user is not taken from a fake.
	 * @return the name
	 */
	String name() default "";

	/**
	 * Whether the user is an administrator ({@code sys}) when not taken from a fake.
	 * @return whether the user is an admin
	 */
	boolean admin() default false;

	/**
	 * The user's departments when not taken from a fake.
	 * @return the department ids
	 */
	long[] deptIds() default {};

	/**
	 * The user's title when not taken from a fake.
	 * @return the title
	 */
	String title() default "";

	/**
	 * The app the user logged in with, {@code default} for the top-level app; with
	 * {@link AutoConfigureFakeDingTalk}, the user is looked up in that app's organisation and the
	 * principal carries the app's name and corp id, as after a real login at
	 * {@code <processing URL>/<app>}.
	 * @return the app's name
	 */
	String app() default FakeDingTalk.DEFAULT_APP;

	/**
	 * When to set up the security context; before the test method by default, or before its
	 * execution (after {@code @BeforeEach}) with {@link TestExecutionEvent#TEST_EXECUTION}.
	 * @return when the context is set up
	 */
	@AliasFor(annotation = WithSecurityContext.class)
	TestExecutionEvent setupBefore() default TestExecutionEvent.TEST_METHOD;

}
