/**
 * DingBoot's HTTP plumbing on Spring's {@code RestClient}: the transport (answers, errors,
 * retries), the client that adds the access token, the escape-hatch request and the customizer
 * hooks.
 */
@NullMarked
package io.dingboot.http;

import org.jspecify.annotations.NullMarked;
