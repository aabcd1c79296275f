/**
 * DingBoot's Micrometer meters.
 */
@NullMarked
package io.dingboot.metrics;

import org.jspecify.annotations.NullMarked;
