package io.dingboot.test;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A message a custom group robot sent to the fake's {@code /robot/send} and the fake accepted.
 *
 * @param robot the robot's name
 * @param msgtype the {@code msgtype}, e.g. {@code text} or {@code actionCard}
 * @param body the whole request body, parsed
 * @param receivedAt when the fake received it, on its clock
 */
public record RobotWebhookMessage(String robot, String msgtype, JsonNode body, Instant receivedAt) {

	/**
	 * The main text of the message: {@code text.content}, or the {@code text} of markdown, link and
	 * action card; the first link's title of a feed card.
	 * @return the text
	 */
	public String text() {
		JsonNode message = this.body.path(this.msgtype);
		return switch (this.msgtype) {
			case "text" -> message.path("content").asString("");
			case "feedCard" -> message.path("links").path(0).path("title").asString("");
			default -> message.path("text").asString("");
		};
	}

	/**
	 * The {@code title} of a markdown, link or action card message; empty otherwise.
	 * @return the title
	 */
	public String title() {
		return this.body.path(this.msgtype).path("title").asString("");
	}

}
