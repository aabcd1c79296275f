/**
 * The DingBoot test kit: {@link io.dingboot.test.FakeDingTalk}, a DingTalk stand-in on WireMock that
 * speaks DingTalk's wire format, with its JUnit extension, Spring test support and
 * {@link io.dingboot.test.WithDingTalkUser}.
 */
@NullMarked
package io.dingboot.test;

import org.jspecify.annotations.NullMarked;
