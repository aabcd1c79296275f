package io.dingboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the order of DingBoot's conditions ({@link DingTalkConditions#ORDER}): they decide
 * before {@code @ConditionalOnMissingBean} looks through the bean definitions.
 */
class DingTalkConditionsTests {

	private static final String CLIENT = DingTalkAutoConfiguration.class.getName() + "#dingTalkClient";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class))
		.withConfiguration(AutoConfigurations.of(dingBootAutoConfigurations()));

	/**
	 * Every auto-configuration DingBoot registers, so that one added later is covered too.
	 */
	private static Class<?>[] dingBootAutoConfigurations() {
		ClassLoader classLoader = DingTalkConditionsTests.class.getClassLoader();
		List<Class<?>> classes = new ArrayList<>();
		for (String name : ImportCandidates.load(AutoConfiguration.class, classLoader)) {
			if (name.startsWith("io.dingboot.")) {
				classes.add(ClassUtils.resolveClassName(name, classLoader));
			}
		}
		assertThat(classes).contains(DingTalkAutoConfiguration.class, DingTalkStreamAutoConfiguration.class);
		return classes.toArray(Class<?>[]::new);
	}

	@Test
	void whenNoDingTalkPropertyIsSetThenSwitchedOffBeansAreNeverLookedUpByType() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			List<String> decidedByDingBoot = new ArrayList<>();
			for (Map.Entry<String, ConditionAndOutcomes> entry : report(context).entrySet()) {
				List<ConditionAndOutcome> outcomes = list(entry.getValue());
				boolean refusedByDingBoot = outcomes.stream()
					.anyMatch((outcome) -> isDingBoots(outcome) && !outcome.getOutcome().isMatch());
				if (refusedByDingBoot) {
					decidedByDingBoot.add(entry.getKey());
					assertThat(outcomes).as(entry.getKey()).noneMatch(DingTalkConditionsTests::isBeanCondition);
				}
			}
			// the API clients, the token provider, JSAPI, callbacks, Stream...: many, not a lucky few
			assertThat(decidedByDingBoot).contains(CLIENT).hasSizeGreaterThan(15);
			assertThat(list(report(context).get(CLIENT))).singleElement()
				.satisfies((outcome) -> assertThat(outcome.getCondition())
					.isInstanceOf(OnDingTalkCredentialsCondition.class));
		});
	}

	@Test
	void whenCredentialsAreSetThenDingBootsConditionIsEvaluatedBeforeTheMissingBeanLookup() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s").run((context) -> {
			assertThat(context).hasNotFailed().hasBean("dingTalkClient");
			List<ConditionAndOutcome> outcomes = list(report(context).get(CLIENT));
			assertThat(outcomes).hasSize(2).allMatch((outcome) -> outcome.getOutcome().isMatch());
			assertThat(outcomes.get(0).getCondition()).isInstanceOf(OnDingTalkCredentialsCondition.class);
			assertThat(isBeanCondition(outcomes.get(1))).isTrue();
		});
	}

	private static Map<String, ConditionAndOutcomes> report(AssertableWebApplicationContext context) {
		return ConditionEvaluationReport.get(context.getBeanFactory()).getConditionAndOutcomesBySource();
	}

	private static List<ConditionAndOutcome> list(ConditionAndOutcomes outcomes) {
		List<ConditionAndOutcome> list = new ArrayList<>();
		outcomes.forEach(list::add);
		return list;
	}

	private static boolean isDingBoots(ConditionAndOutcome outcome) {
		return outcome.getCondition().getClass().getName().startsWith("io.dingboot.");
	}

	private static boolean isBeanCondition(ConditionAndOutcome outcome) {
		return outcome.getCondition().getClass().getSimpleName().equals("OnBeanCondition");
	}

}
