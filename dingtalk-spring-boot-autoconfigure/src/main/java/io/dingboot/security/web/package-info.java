/**
 * The servlet side of DingTalk free login: the login filter, its parameter check, and the JSON
 * answers of success, failure and the entry point.
 */
@NullMarked
package io.dingboot.security.web;

import org.jspecify.annotations.NullMarked;
