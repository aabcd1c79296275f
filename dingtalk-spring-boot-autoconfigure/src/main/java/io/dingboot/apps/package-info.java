/**
 * Several DingTalk apps in one application: the {@link io.dingboot.apps.DingTalkApps} registry and
 * the {@link io.dingboot.apps.DingTalkApp} view of each app.
 */
@NullMarked
package io.dingboot.apps;

import org.jspecify.annotations.NullMarked;
