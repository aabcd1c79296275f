/**
 * What the endpoints DingBoot opens share: the one JSON answer writer.
 */
@NullMarked
package io.dingboot.web;

import org.jspecify.annotations.NullMarked;
