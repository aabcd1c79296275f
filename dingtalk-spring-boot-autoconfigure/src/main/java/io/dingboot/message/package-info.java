/**
 * Work notifications (工作通知): {@link io.dingboot.message.WorkNotificationApi}, the messages it
 * sends and the records it answers with.
 */
@NullMarked
package io.dingboot.message;

import org.jspecify.annotations.NullMarked;
