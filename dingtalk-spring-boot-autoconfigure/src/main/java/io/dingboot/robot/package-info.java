/**
 * The app robot (企业内部应用机器人), send side: {@link io.dingboot.robot.AppRobotApi} sends
 * {@link io.dingboot.robot.RobotMessage}s to users and groups, recalls them, reads their status and
 * downloads files users sent the robot; {@link io.dingboot.robot.RobotReplier} answers a received
 * message through its {@code sessionWebhook} while it is valid and through the send APIs after.
 */
@NullMarked
package io.dingboot.robot;

import org.jspecify.annotations.NullMarked;
