/**
 * The Redis {@link io.dingboot.token.TokenStore}: tokens shared by every instance of an app, with
 * a distributed single flight and a fallback to per-instance fetches while Redis is down.
 */
@NullMarked
package io.dingboot.token.redis;

import org.jspecify.annotations.NullMarked;
