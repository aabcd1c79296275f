package io.dingboot.test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.dingboot.DingTalkApiException;
import io.dingboot.robot.webhook.RobotMessage;
import io.dingboot.robot.webhook.RobotSender;
import org.slf4j.LoggerFactory;

/**
 * Sends every ERROR logged by the application to a DingTalk group as a markdown alert.
 */
public class DingTalkAlertAppender extends AppenderBase<ILoggingEvent> {

	private final RobotSender robot;

	public DingTalkAlertAppender(RobotSender robot) {
		this.robot = robot;
	}

	@Override
	protected void append(ILoggingEvent event) {
		// DingBoot's own logs stay out: an alert about a failed alert would loop
		if (!event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getLoggerName().startsWith("io.dingboot")) {
			return;
		}
		String text = "### 告警 " + event.getLoggerName() + "\n\n" + event.getFormattedMessage()
				+ ((event.getThrowableProxy() != null) ? "\n\n> " + event.getThrowableProxy().getMessage() : "");
		try {
			this.robot.send(RobotMessage.markdown("告警 " + event.getLoggerName(), text));
		}
		catch (DingTalkApiException ex) {
			// over the robot's rate limit, or DingTalk refused: Logback's status, not the log
			addWarn("DingTalk alert not sent: " + ex.getMessage());
		}
	}

	@Override
	public void start() {
		setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		setName("DINGTALK_ALERT");
		super.start();
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(this);
	}

	@Override
	public void stop() {
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(this);
		super.stop();
	}

}
