/**
 * The Redis {@link io.dingboot.callback.CallbackDeduplicator}: a re-pushed callback is delivered
 * once across every instance of an app.
 */
@NullMarked
package io.dingboot.callback.redis;

import org.jspecify.annotations.NullMarked;
