/**
 * Custom group robots (自定义机器人): webhook robots that post to one group chat.
 * {@link io.dingboot.robot.webhook.DingTalkRobots} holds one
 * {@link io.dingboot.robot.webhook.RobotSender} per configured robot; messages are the
 * {@link io.dingboot.robot.webhook.RobotMessage} records. Each send is signed when the robot has a
 * secret (加签), checked against the robot's keywords, and kept within the robot's rate limit.
 */
@NullMarked
package io.dingboot.robot.webhook;

import org.jspecify.annotations.NullMarked;
