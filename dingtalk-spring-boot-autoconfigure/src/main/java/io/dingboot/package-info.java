/**
 * DingBoot's one exception for a failed DingTalk call and the error DingTalk answered with.
 */
@NullMarked
package io.dingboot;

import org.jspecify.annotations.NullMarked;
