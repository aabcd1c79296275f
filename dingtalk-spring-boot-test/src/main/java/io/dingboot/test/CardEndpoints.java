package io.dingboot.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Interactive and AI cards: create and deliver, update, and streaming update. The fake keeps each
 * card's state ({@link FakeRobots#card(String)}): its data, where it went, and its AI card status.
 */
final class CardEndpoints extends EndpointGroup {

	static final String CREATE_AND_DELIVER = "/v1.0/card/instances/createAndDeliver";

	static final String INSTANCES = "/v1.0/card/instances";

	static final String STREAMING = "/v1.0/card/streaming";

	private static final String SPACE_PREFIX = "dtv1.card//";

	private final FakeRobots robots;

	CardEndpoints(FakeState state, FakeRobots robots) {
		super("dingtalk-cards", state);
		this.robots = robots;
	}

	@Override
	List<String> paths() {
		return List.of(CREATE_AND_DELIVER, INSTANCES, STREAMING);
	}

	@Override
	boolean needsToken() {
		return false;
	}

	@Override
	Answer handle(FakeCall call) {
		Answer refused = RobotEndpoints.checkToken(this.state, call);
		if (refused != null) {
			return refused;
		}
		try {
			if (call.path().equals(CREATE_AND_DELIVER) && call.method().equals("POST")) {
				return createAndDeliver(call);
			}
			if (call.path().equals(INSTANCES) && call.method().equals("PUT")) {
				return update(call);
			}
			if (call.path().equals(STREAMING) && call.method().equals("PUT")) {
				return streaming(call);
			}
			return Answer.v1Error(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
		}
		catch (RobotEndpoints.Refusal ex) {
			return Answer.v1Error(ex.status, ex.code, ex.getMessage());
		}
	}

	private Answer createAndDeliver(FakeCall call) {
		String template = required(call, "cardTemplateId", "invalidParameter.cardTemplateId.empty");
		String outTrackId = required(call, "outTrackId", "invalidParameter.outTrackId.empty");
		if (this.robots.hasCard(outTrackId)) {
			throw new RobotEndpoints.Refusal("invalidParameter.outTrackId.duplicate", "outTrackId已存在: " + outTrackId);
		}
		Map<String, String> data = paramMap(call.node("cardData"));
		String openSpaceId = required(call, "openSpaceId", "invalidParameter.openSpaceId.empty");
		if (!openSpaceId.startsWith(SPACE_PREFIX) || openSpaceId.length() == SPACE_PREFIX.length()) {
			throw new RobotEndpoints.Refusal("invalidParameter.openSpaceId.invalid", "openSpaceId格式错误");
		}
		List<FakeCard.Delivery> deliveries = new ArrayList<>();
		List<Map<String, Object>> results = new ArrayList<>();
		for (String part : openSpaceId.substring(SPACE_PREFIX.length()).split(";")) {
			int dot = part.indexOf('.');
			if (dot <= 0 || dot == part.length() - 1) {
				throw new RobotEndpoints.Refusal("invalidParameter.openSpaceId.invalid", "openSpaceId格式错误: " + part);
			}
			String spaceType = part.substring(0, dot);
			String spaceId = part.substring(dot + 1);
			String failure = deliver(call, spaceType, spaceId);
			deliveries.add(new FakeCard.Delivery(spaceType, spaceId, failure == null, failure));
			Map<String, Object> result = Answer.fields("spaceType", spaceType, "spaceId", spaceId, "success",
					failure == null);
			if (failure == null) {
				result.put("carrierId", RandomIds.alphanumeric(32));
			}
			else {
				result.put("errorMsg", failure);
			}
			results.add(result);
		}
		this.robots.addCard(new FakeRobots.CardState(outTrackId, template, openSpaceId, call.text("callbackType"), data,
				deliveries));
		return Answer.v1Ok(Answer.fields("success", true, "result",
				Answer.fields("outTrackId", outTrackId, "deliverResults", results)));
	}

	/**
	 * Deliver to one space.
	 * @return why it failed, or {@code null}
	 */
	private String deliver(FakeCall call, String spaceType, String spaceId) {
		switch (spaceType) {
			case "IM_GROUP" -> {
				if (call.node("imGroupOpenDeliverModel") == null
						|| call.node("imGroupOpenDeliverModel").path("robotCode").asString("").isBlank()) {
					throw new RobotEndpoints.Refusal("invalidParameter.imGroupOpenDeliverModel.robotCode",
							"imGroupOpenDeliverModel.robotCode不能为空");
				}
			}
			case "IM_ROBOT" -> {
				if (call.node("imRobotOpenDeliverModel") == null) {
					throw new RobotEndpoints.Refusal("invalidParameter.imRobotOpenDeliverModel.empty",
							"imRobotOpenDeliverModel不能为空");
				}
				if (this.state.organization.user(spaceId).isEmpty()) {
					return "user not exist: " + spaceId;
				}
			}
			case "ONE_BOX" -> {
				JsonNode model = call.node("topOpenDeliverModel");
				if (model == null || !model.path("expiredTimeMillis").canConvertToLong()) {
					throw new RobotEndpoints.Refusal("invalidParameter.topOpenDeliverModel.expiredTimeMillis",
							"topOpenDeliverModel.expiredTimeMillis不能为空");
				}
			}
			case "IM_SINGLE" -> {
				// a single-chat cool app: nothing to check
			}
			default -> throw new RobotEndpoints.Refusal("invalidParameter.openSpaceId.invalid",
					"不支持的spaceType: " + spaceType);
		}
		return this.robots.deliveryFailure(spaceId);
	}

	private Answer update(FakeCall call) {
		String outTrackId = required(call, "outTrackId", "invalidParameter.outTrackId.empty");
		Map<String, String> data = paramMap(call.node("cardData"));
		JsonNode options = call.node("cardUpdateOptions");
		boolean byKey = options != null && options.path("updateCardDataByKey").asBoolean(false);
		boolean privateByKey = options != null && options.path("updatePrivateDataByKey").asBoolean(false);
		Map<String, Map<String, String>> privateData = new LinkedHashMap<>();
		JsonNode users = call.node("privateData");
		if (users != null) {
			users.properties().forEach((entry) -> privateData.put(entry.getKey(), paramMap(entry.getValue())));
		}
		synchronized (this.robots) {
			FakeRobots.CardState card = this.robots.cardState(outTrackId);
			if (card == null) {
				throw new RobotEndpoints.Refusal("param.outTrackId", "card is not exist");
			}
			if (!byKey) {
				card.data.clear();
			}
			card.data.putAll(data);
			privateData.forEach((user, values) -> {
				Map<String, String> current = card.privateData.computeIfAbsent(user, (key) -> new LinkedHashMap<>());
				if (!privateByKey) {
					current.clear();
				}
				current.putAll(values);
			});
			card.updates++;
		}
		return Answer.v1Ok(Answer.fields("success", true, "result", true));
	}

	private Answer streaming(FakeCall call) {
		String outTrackId = required(call, "outTrackId", "param.stream.outTrackId");
		String guid = required(call, "guid", "param.stream.guidEmpty");
		String key = required(call, "key", "param.stream.keyEmpty");
		JsonNode content = call.node("content");
		if (content == null || !content.isValueNode()) {
			throw new RobotEndpoints.Refusal("param.stream.contentEmpty", "content is empty");
		}
		JsonNode isFull = call.node("isFull");
		if (isFull == null || !isFull.isBoolean()) {
			throw new RobotEndpoints.Refusal("param.stream.isFull", "isFull is null");
		}
		boolean finalize = call.flag("isFinalize");
		boolean error = call.flag("isError");
		String text = content.asString();
		synchronized (this.robots) {
			FakeRobots.CardState card = this.robots.cardState(outTrackId);
			if (card == null) {
				throw new RobotEndpoints.Refusal("param.stream.outTrackId", "card is not exist");
			}
			if (!card.guids.add(guid)) {
				// the same guid again: DingTalk treats the call as a repeat
				return Answer.v1Ok(Answer.fields("success", true, "result", true));
			}
			card.streamingUpdates.add(new FakeCard.StreamingUpdate(guid, key, text, isFull.asBoolean(), finalize, error));
			if (!error) {
				card.data.put(key, isFull.asBoolean() ? text : card.data.getOrDefault(key, "") + text);
			}
			card.status = error ? FakeCard.FAILED : finalize ? FakeCard.FINISHED : FakeCard.INPUTING;
		}
		return Answer.v1Ok(Answer.fields("success", true, "result", true));
	}

	/** {@code {cardParamMap:{...}}}: every value must be a string. */
	private static Map<String, String> paramMap(JsonNode holder) {
		Map<String, String> values = new LinkedHashMap<>();
		if (holder == null || holder.isNull()) {
			return values;
		}
		JsonNode map = holder.path("cardParamMap");
		if (map.isMissingNode() || map.isNull()) {
			return values;
		}
		if (!map.isObject()) {
			throw new RobotEndpoints.Refusal("invalidParameter.cardParamMap.invalid", "cardParamMap必须是对象");
		}
		map.properties().forEach((entry) -> {
			if (!entry.getValue().isString()) {
				throw new RobotEndpoints.Refusal("invalidParameter.cardParamMap.invalid",
						"cardParamMap的值必须是字符串: " + entry.getKey());
			}
			values.put(entry.getKey(), entry.getValue().asString());
		});
		return values;
	}

	private static String required(FakeCall call, String name, String code) {
		String value = call.text(name);
		if (value == null) {
			throw new RobotEndpoints.Refusal(code, name + "不能为空");
		}
		return value;
	}

}
