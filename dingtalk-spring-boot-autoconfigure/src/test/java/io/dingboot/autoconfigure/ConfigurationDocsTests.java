package io.dingboot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/configuration.md} in step with the configuration metadata that the
 * configuration processor generates from {@link DingTalkProperties}. Run with
 * {@code -Ddingboot.docs.update=true} to rewrite the table after changing a property.
 */
class ConfigurationDocsTests {

	private static final String START = "<!-- properties:start -->";

	private static final String END = "<!-- properties:end -->";

	private static final Path DOC = Path.of("..", "docs", "configuration.md");

	@Test
	void configurationDocListsEveryPropertyWithDescriptionAndDefault() throws IOException {
		String table = table();
		String doc = Files.readString(DOC, StandardCharsets.UTF_8);
		int start = doc.indexOf(START);
		int end = doc.indexOf(END);
		assertThat(start).as("markers in " + DOC).isNotNegative();
		assertThat(end).isGreaterThan(start);
		String current = doc.substring(start + START.length(), end);
		if (Boolean.getBoolean("dingboot.docs.update")) {
			Files.writeString(DOC, doc.substring(0, start + START.length()) + table + doc.substring(end),
					StandardCharsets.UTF_8);
			return;
		}
		assertThat(current).as("docs/configuration.md is stale: run the build with -Ddingboot.docs.update=true")
			.isEqualTo(table);
	}

	@Test
	void everyPropertyHasADescription() throws IOException {
		for (JsonNode property : properties()) {
			assertThat(property.path("description").asString("")).as(property.get("name").asString()).isNotBlank();
		}
	}

	private static String table() throws IOException {
		StringBuilder table = new StringBuilder("\n| 属性 Property | 默认值 Default | 说明 Description |\n|---|---|---|\n");
		for (JsonNode property : properties()) {
			String name = property.get("name").asString();
			JsonNode value = property.get("defaultValue");
			String defaultValue = (value == null || value.isNull()) ? "" : "`" + render(value) + "`";
			String description = property.path("description").asString("").replace("|", "\\|").replace("\n", " ");
			table.append("| `").append(name).append("` | ").append(defaultValue).append(" | ").append(description)
				.append(" |\n");
		}
		return table.toString();
	}

	private static String render(JsonNode value) {
		if (value.isArray()) {
			return String.join(",", StreamSupport.stream(value.spliterator(), false).map(JsonNode::asString).toList());
		}
		return value.asString();
	}

	private static List<JsonNode> properties() throws IOException {
		try (InputStream metadata = ConfigurationDocsTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("generated configuration metadata").isNotNull();
			JsonNode root = JsonMapper.builder().build().readTree(metadata);
			return StreamSupport.stream(root.get("properties").spliterator(), false)
				.filter((property) -> property.get("name").asString().startsWith("dingtalk."))
				.sorted(Comparator.comparing((JsonNode property) -> property.get("name").asString()))
				.toList();
		}
	}

}
