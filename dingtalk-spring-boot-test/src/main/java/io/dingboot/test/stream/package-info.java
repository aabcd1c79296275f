/**
 * A fake DingTalk Stream gateway for tests: {@code connections/open} with credential checks and
 * single-use tickets, and a WebSocket gateway that pushes events, robot messages and card
 * callbacks, records acks, redelivers, and fails on demand.
 */
package io.dingboot.test.stream;
