package io.dingboot.stream;

import org.jspecify.annotations.Nullable;

/**
 * One user @-mentioned in a robot message.
 *
 * @param dingtalkId the encrypted DingTalk id
 * @param staffId the user's userid; empty for users outside the organisation
 * @param unionId the user's unionId, when sent
 */
public record RobotAtUser(@Nullable String dingtalkId, @Nullable String staffId, @Nullable String unionId) {

}
