/**
 * Stream mode (Stream 模式): an outbound WebSocket per app that carries DingTalk's events, robot
 * messages and card callbacks, without a public URL. Events arrive as the same
 * {@link io.dingboot.callback.DingTalkEvent}s the HTTP callback publishes, robot messages as
 * {@link io.dingboot.stream.RobotMessageEvent}s, card callbacks go to
 * {@link io.dingboot.stream.CardCallbackListener} beans.
 */
@NullMarked
package io.dingboot.stream;

import org.jspecify.annotations.NullMarked;
