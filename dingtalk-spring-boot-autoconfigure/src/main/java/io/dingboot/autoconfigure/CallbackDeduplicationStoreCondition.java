package io.dingboot.autoconfigure;

import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the callback deduplication store is the one named by the subclass:
 * {@code dingtalk.callback.deduplication.store} when set, else {@code dingtalk.token.store}, else
 * {@code memory}.
 */
@Order(DingTalkConditions.ORDER)
abstract class CallbackDeduplicationStoreCondition extends SpringBootCondition {

	static final String STORE = "dingtalk.callback.deduplication.store";

	static final String TOKEN_STORE = "dingtalk.token.store";

	private final String expected;

	CallbackDeduplicationStoreCondition(String expected) {
		this.expected = expected;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		String store = store(environment);
		String message = "callback deduplication store '" + store + "' (from " + property(environment) + ")";
		return this.expected.equals(store) ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
	}

	/**
	 * The deduplication store in effect, lower case.
	 */
	static String store(Environment environment) {
		String store = environment.getProperty(STORE);
		if (!StringUtils.hasText(store)) {
			store = environment.getProperty(TOKEN_STORE);
		}
		return StringUtils.hasText(store) ? store.trim().toLowerCase(Locale.ROOT) : "memory";
	}

	/**
	 * The property that chose the deduplication store.
	 */
	static String property(Environment environment) {
		return StringUtils.hasText(environment.getProperty(STORE)) ? STORE : TOKEN_STORE;
	}

	static final class Memory extends CallbackDeduplicationStoreCondition {

		Memory() {
			super("memory");
		}

	}

	static final class Redis extends CallbackDeduplicationStoreCondition {

		Redis() {
			super("redis");
		}

	}

}
