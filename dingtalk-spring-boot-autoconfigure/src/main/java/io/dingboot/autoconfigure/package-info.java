/**
 * Auto-configuration of DingBoot: the {@code dingtalk.*} properties and their checks, the
 * auto-configuration classes, conditions and failure analyzers.
 */
@NullMarked
package io.dingboot.autoconfigure;

import org.jspecify.annotations.NullMarked;
