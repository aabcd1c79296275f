/**
 * The check that refuses a Spring Boot line DingBoot does not support, run before any bean is
 * registered so that it works on Spring Boot 3 as well.
 */
@NullMarked
package io.dingboot.autoconfigure.compatibility;

import org.jspecify.annotations.NullMarked;
