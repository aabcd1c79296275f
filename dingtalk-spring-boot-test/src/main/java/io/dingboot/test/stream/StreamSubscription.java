package io.dingboot.test.stream;

/**
 * One subscription a client sent to {@code connections/open}.
 *
 * @param type {@code EVENT} or {@code CALLBACK}
 * @param topic {@code *} for events, the topic path for callbacks
 */
public record StreamSubscription(String type, String topic) {

}
