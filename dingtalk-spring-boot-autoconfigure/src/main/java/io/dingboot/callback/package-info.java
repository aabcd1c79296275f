/**
 * DingTalk event callbacks (回调): the crypto, the endpoint, the dispatcher that publishes Spring
 * events, deduplication and the client for failed pushes.
 */
@NullMarked
package io.dingboot.callback;

import org.jspecify.annotations.NullMarked;
