/**
 * The DingBoot starter holds no classes: it brings the auto-configuration and what it needs.
 */
package io.dingboot.starter;
