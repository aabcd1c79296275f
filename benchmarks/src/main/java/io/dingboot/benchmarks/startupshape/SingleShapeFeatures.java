package io.dingboot.benchmarks.startupshape;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * The start-up benchmark's {@code shape1} variant: {@link ShapeFeatures}' 36 beans in one
 * auto-configuration, to tell what the number of configuration classes costs from what the number
 * of beans costs. {@code StartupApp} adds it only with {@code -Dstartup.shape=single}.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration(SingleShapeAutoConfiguration.class)
public class SingleShapeFeatures {

}
