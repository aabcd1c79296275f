/**
 * The Spring Security configurer that adds DingTalk free login to a filter chain, and the settings
 * it reads.
 */
@NullMarked
package io.dingboot.security.config;

import org.jspecify.annotations.NullMarked;
