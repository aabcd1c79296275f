package io.dingboot.benchmarks.startupshape;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * The start-up benchmark's {@code shape} variant: {@code handmade} plus sixteen auto-configurations
 * with 36 {@code @ConditionalOnMissingBean} beans between them, each bean an empty class of its
 * own, some taking the one before: the same number of configuration classes and bean definitions
 * as DingBoot registers in the {@code full} variant (52), with no work in any of them. It measures
 * what that shape costs Spring at start-up, apart from what DingBoot's beans do. The classes are
 * written out one by one, not generated at run time, because what is measured is Spring loading,
 * parsing and evaluating the conditions of each configuration class and bean method as it does for
 * DingBoot's.
 * <p>
 * It lives outside {@code StartupApp}'s package so that component scanning never finds it;
 * {@code StartupApp} adds it only with {@code -Dstartup.shape=true}.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ Shape01AutoConfiguration.class, Shape02AutoConfiguration.class,
		Shape03AutoConfiguration.class, Shape04AutoConfiguration.class, Shape05AutoConfiguration.class,
		Shape06AutoConfiguration.class, Shape07AutoConfiguration.class, Shape08AutoConfiguration.class,
		Shape09AutoConfiguration.class, Shape10AutoConfiguration.class, Shape11AutoConfiguration.class,
		Shape12AutoConfiguration.class, Shape13AutoConfiguration.class, Shape14AutoConfiguration.class,
		Shape15AutoConfiguration.class, Shape16AutoConfiguration.class })
public class ShapeFeatures {

}
