/**
 * Interactive cards and AI cards (互动卡片, AI 卡片): {@link io.dingboot.card.CardApi} creates and
 * delivers cards to groups, robot single chats and the group top bar, updates them, and streams
 * text into AI cards through a {@link io.dingboot.card.CardStream}.
 */
@NullMarked
package io.dingboot.card;

import org.jspecify.annotations.NullMarked;
