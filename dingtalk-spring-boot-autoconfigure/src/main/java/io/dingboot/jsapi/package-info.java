/**
 * The JSAPI ticket and the dd.config signature: {@link io.dingboot.jsapi.JsapiTicketProvider} and
 * {@link io.dingboot.jsapi.JsapiSigner}.
 */
@NullMarked
package io.dingboot.jsapi;

import org.jspecify.annotations.NullMarked;
