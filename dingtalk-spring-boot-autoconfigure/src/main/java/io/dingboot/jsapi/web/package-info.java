/**
 * The dd.config endpoint: signs a page's URL for the front end's {@code dd.config}, for pages of
 * allowed origins only.
 */
@NullMarked
package io.dingboot.jsapi.web;

import org.jspecify.annotations.NullMarked;
