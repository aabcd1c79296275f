package io.dingboot.user;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a field DingTalk documents as JSON text ({@code "extension":"{\"a\":\"b\"}"}) as a
 * string, and still accepts it when it comes as a JSON object.
 */
final class JsonTextDeserializer extends ValueDeserializer<String> {

	@Override
	public @Nullable String deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		JsonNode node = context.readTree(parser);
		return node.isNull() ? null : node.toString();
	}

}
