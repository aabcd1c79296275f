/**
 * The {@code dingtalk} health indicator.
 */
@NullMarked
package io.dingboot.health;

import org.jspecify.annotations.NullMarked;
