/**
 * Media upload: {@link io.dingboot.media.MediaApi}, the media types and their size limits.
 */
@NullMarked
package io.dingboot.media;

import org.jspecify.annotations.NullMarked;
