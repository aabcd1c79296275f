package io.dingboot.test;

/**
 * How many records of one kind (work notifications, uploaded media, stubbed calls) the fake
 * received since it started or was last reset, and how many of them it still keeps. It keeps the
 * most recent {@link FakeDingTalk.Builder#recordCapacity(int) record capacity} records and drops the
 * oldest beyond that, so that a long-running fake (the sample's demo mode) does not grow.
 *
 * @param received how many arrived
 * @param kept how many are kept
 * @param dropped how many were dropped to make room, {@code received - kept}
 */
public record RecordCount(long received, int kept, long dropped) {

}
