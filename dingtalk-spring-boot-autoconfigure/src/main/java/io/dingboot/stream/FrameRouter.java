package io.dingboot.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import io.dingboot.callback.CallbackDeduplicator;
import io.dingboot.callback.CallbackDeduplicator.Claim;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes EVENT and CALLBACK frames to listeners on the handler executor and answers each on the
 * connection that carried it: an event after its listeners ({@code SUCCESS}, or {@code LATER}
 * when one threw), a robot message at once (its listeners run afterwards), a card callback with
 * the listener's card update. A frame that finds the executor full is left unanswered, so that
 * DingTalk delivers it again.
 */
final class FrameRouter {

	private static final Logger logger = LoggerFactory.getLogger(FrameRouter.class);

	private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

	private static final String ROBOT_ACK = "{\"response\":null}";

	private static final String EVENT_SUCCESS = eventAck("SUCCESS", "success");

	private static final String EVENT_LATER = eventAck("LATER", "later");

	private final Executor executor;

	private final StreamEventPublisher events;

	private final ApplicationEventPublisher publisher;

	private final CallbackDeduplicator deduplicator;

	private final Supplier<List<CardCallbackListener>> cardListeners;

	private final Duration dedupeWindow;

	private final StreamListener listeners;

	FrameRouter(Executor executor, StreamEventPublisher events, ApplicationEventPublisher publisher,
			CallbackDeduplicator deduplicator, Supplier<List<CardCallbackListener>> cardListeners,
			Duration dedupeWindow) {
		this(executor, events, publisher, deduplicator, cardListeners, dedupeWindow, StreamListeners.NONE);
	}

	FrameRouter(Executor executor, StreamEventPublisher events, ApplicationEventPublisher publisher,
			CallbackDeduplicator deduplicator, Supplier<List<CardCallbackListener>> cardListeners,
			Duration dedupeWindow, StreamListener listeners) {
		this.executor = executor;
		this.events = events;
		this.publisher = publisher;
		this.deduplicator = deduplicator;
		this.cardListeners = cardListeners;
		this.dedupeWindow = dedupeWindow;
		this.listeners = listeners;
	}

	void route(String appName, StreamConnection connection, StreamFrame frame) {
		if (StreamFrame.EVENT.equals(frame.type())) {
			submit(appName, frame, () -> event(appName, connection, frame));
		}
		else if (StreamFrame.CALLBACK.equals(frame.type()) && RobotMessageEvent.TOPIC.equals(frame.topic())) {
			robotMessage(appName, connection, frame);
		}
		else if (StreamFrame.CALLBACK.equals(frame.type()) && CardCallbackListener.TOPIC.equals(frame.topic())) {
			submit(appName, frame, () -> cardCallback(appName, connection, frame));
		}
		else if (StreamFrame.CALLBACK.equals(frame.type())) {
			logger.warn("No listener for Stream topic {} of app '{}'", frame.topic(), appName);
			answer(appName, connection, frame.response(404, "topic not exist", null), StreamListener.AckStatus.REJECTED);
		}
		else {
			logger.warn("Skipped Stream frame of unknown type {} of app '{}'", frame.type(), appName);
			answer(appName, connection, frame.response(404, "type not exist", null), StreamListener.AckStatus.REJECTED);
		}
	}

	private boolean submit(String appName, StreamFrame frame, Runnable task) {
		long received = System.nanoTime();
		try {
			this.executor.execute(() -> {
				this.listeners.handlerLag(appName, Duration.ofNanos(System.nanoTime() - received));
				task.run();
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			logger.warn("Stream handler queue is full (dingtalk.stream.handler.*); {} is left for DingTalk to "
					+ "deliver again", frame);
			return false;
		}
	}

	private void event(String appName, StreamConnection connection, StreamFrame frame) {
		boolean delivered;
		try {
			delivered = this.events.publish(appName, frame);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Skipped event {} of app '{}': {}", frame, appName, ex.getMessage());
			answer(appName, connection, frame.response(400, "bad request", null), StreamListener.AckStatus.REJECTED);
			return;
		}
		catch (RuntimeException ex) {
			logger.warn("Publishing event {} of app '{}' failed; DingTalk will deliver it again", frame, appName, ex);
			delivered = false;
		}
		answer(appName, connection, frame.response(200, "OK", delivered ? EVENT_SUCCESS : EVENT_LATER),
				delivered ? StreamListener.AckStatus.SUCCESS : StreamListener.AckStatus.LATER);
	}

	private void robotMessage(String appName, StreamConnection connection, StreamFrame frame) {
		JsonNode payload = parseObject(frame);
		if (payload == null) {
			logger.warn("Skipped robot message {} of app '{}': data is not a JSON object", frame, appName);
			answer(appName, connection, frame.response(400, "bad request", null), StreamListener.AckStatus.REJECTED);
			return;
		}
		String msgId = StreamJson.text(payload, "msgId");
		String key = "robot:" + appName + ":" + ((msgId != null) ? msgId : frame.messageId());
		Claim claim = this.deduplicator.claim(key, CLAIM_TIMEOUT);
		if (claim != Claim.CLAIMED) {
			logger.debug("Robot message {} of app '{}' was delivered already ({})", frame, appName, claim);
			answer(appName, connection, frame.response(200, "OK", ROBOT_ACK), StreamListener.AckStatus.SUCCESS);
			return;
		}
		RobotMessageEvent event = new RobotMessageEvent(this, appName, payload);
		boolean submitted = submit(appName, frame, () -> {
			try {
				this.publisher.publishEvent(event);
			}
			catch (RuntimeException ex) {
				logger.warn("A listener of {} failed", event, ex);
			}
			finally {
				this.deduplicator.complete(key, this.dedupeWindow);
			}
		});
		if (submitted) {
			answer(appName, connection, frame.response(200, "OK", ROBOT_ACK), StreamListener.AckStatus.SUCCESS);
		}
		else {
			this.deduplicator.release(key);
		}
	}

	private void cardCallback(String appName, StreamConnection connection, StreamFrame frame) {
		JsonNode payload = parseObject(frame);
		if (payload == null) {
			logger.warn("Skipped card callback {} of app '{}': data is not a JSON object", frame, appName);
			answer(appName, connection, frame.response(400, "bad request", null), StreamListener.AckStatus.REJECTED);
			return;
		}
		JsonNode content = StreamJson.object(payload, "content");
		CardCallback callback = new CardCallback(appName, StreamJson.text(payload, "type"),
				StreamJson.text(payload, "outTrackId"), StreamJson.text(payload, "corpId"),
				StreamJson.text(payload, "userId"), (content != null) ? content : StreamJson.MAPPER.createObjectNode(),
				payload);
		CardCallbackResponse response = null;
		try {
			for (CardCallbackListener listener : this.cardListeners.get()) {
				response = listener.onCardCallback(callback);
				if (response != null) {
					break;
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("A card callback listener failed on {}", callback, ex);
			answer(appName, connection, frame.response(500, "internal error", null),
					StreamListener.AckStatus.REJECTED);
			return;
		}
		answer(appName, connection,
				frame.response(200, "OK", StreamJson.MAPPER.writeValueAsString(cardResponse(response))),
				StreamListener.AckStatus.SUCCESS);
	}

	private void answer(String appName, StreamConnection connection, String response,
			StreamListener.AckStatus status) {
		// counted first: whoever sees the answer sees it counted
		this.listeners.ackSent(appName, status);
		connection.send(response);
	}

	private static String eventAck(String status, String message) {
		ObjectNode data = StreamJson.MAPPER.createObjectNode();
		data.put("status", status);
		data.put("message", message);
		return StreamJson.MAPPER.writeValueAsString(data);
	}

	static ObjectNode cardResponse(@Nullable CardCallbackResponse response) {
		ObjectNode data = StreamJson.MAPPER.createObjectNode();
		ObjectNode body = data.putObject("response");
		if (response == null) {
			return data;
		}
		if (response.cardData() != null) {
			paramMap(body.putObject("cardData").putObject("cardParamMap"), response.cardData());
		}
		if (response.userPrivateData() != null) {
			paramMap(body.putObject("userPrivateData").putObject("cardParamMap"), response.userPrivateData());
		}
		body.putObject("cardUpdateOptions")
			.put("updateCardDataByKey", response.updateCardDataByKey())
			.put("updatePrivateDataByKey", response.updatePrivateDataByKey());
		return data;
	}

	private static void paramMap(ObjectNode target, Map<String, String> values) {
		values.forEach(target::put);
	}

	private static @Nullable JsonNode parseObject(StreamFrame frame) {
		try {
			JsonNode node = StreamJson.MAPPER.readTree(frame.data());
			return (node != null && node.isObject()) ? node : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
