package io.dingboot.autoconfigure;

import java.util.function.Predicate;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Conditions on which apps take part in HTTP callbacks, as {@link CallbackParticipants} decides.
 * Properties that do not bind leave the decision to {@code dingtalk.callback.enabled}, so that the
 * binding failure is reported, naming the property, rather than a condition's error.
 */
@Order(DingTalkConditions.ORDER)
abstract class CallbackCondition extends SpringBootCondition {

	private final String description;

	private final Predicate<DingTalkProperties> test;

	CallbackCondition(String description, Predicate<DingTalkProperties> test) {
		this.description = description;
		this.test = test;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		BoundDingTalkProperties properties = BoundDingTalkProperties.get(context);
		boolean matches = properties.failed()
				? context.getEnvironment().getProperty("dingtalk.callback.enabled", Boolean.class, false)
				: this.test.test(properties.orDefaults());
		return matches ? ConditionOutcome.match(this.description) : ConditionOutcome.noMatch("not " + this.description);
	}

	/**
	 * Matches when callbacks are on: {@code dingtalk.callback.enabled=true}, or
	 * {@code dingtalk.apps.<name>.callback.enabled=true} for some app.
	 */
	static final class Enabled extends CallbackCondition {

		Enabled() {
			super("DingTalk callbacks enabled for some app", CallbackParticipants::anyEnabled);
		}

	}

	/**
	 * Matches when the app {@code default} takes part in callbacks.
	 */
	static final class DefaultApp extends CallbackCondition {

		DefaultApp() {
			super("DingTalk callbacks enabled for the default app", CallbackParticipants::defaultTakesPart);
		}

	}

}
