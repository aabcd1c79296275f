package io.dingboot.stream;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AliasFor;

/**
 * Marks a bean method as a listener of {@link RobotMessageEvent}s, optionally only of some apps'
 * robots and of messages whose text starts with a prefix. It is an {@link EventListener}: the
 * method takes the {@link RobotMessageEvent}, runs on the Stream handler executor like any other
 * listener of the event, and may be ordered with {@code @Order}.
 * <pre class="code">
 * &#64;DingTalkRobotListener(prefix = "/weather")
 * void weather(RobotMessageEvent message) {
 *     replier.reply(message.replyTarget(), RobotMessage.text(forecast(message.getText())));
 * }
 * </pre>
 * The method returns {@code void}: it replies itself (with {@link io.dingboot.robot.RobotReplier}),
 * since a value returned by an event listener would be published as another event.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EventListener
public @interface DingTalkRobotListener {

	/**
	 * Names of the apps whose robots' messages the method takes ({@code default} for the
	 * top-level app, otherwise as in {@code dingtalk.apps.<name>}); empty for every app.
	 * @return the app names
	 */
	String[] app() default {};

	/**
	 * Prefixes, one of which the message's {@linkplain RobotMessageEvent#getText() text} (without
	 * surrounding spaces) must start with, e.g. {@code /weather}; empty for every message,
	 * messages without text included.
	 * @return the prefixes
	 */
	String[] prefix() default {};

	/**
	 * A further condition in SpEL, as for {@link EventListener#condition()}, e.g.
	 * {@code "#event.group"}.
	 * @return the condition
	 */
	@AliasFor(annotation = EventListener.class, attribute = "condition")
	String condition() default "";

}
