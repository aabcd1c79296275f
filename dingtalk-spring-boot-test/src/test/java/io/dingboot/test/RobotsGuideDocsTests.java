package io.dingboot.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerting example of {@code docs/robots.md} is these classes, verbatim from their imports to
 * their end.
 */
class RobotsGuideDocsTests {

	private static final Path GUIDE = Path.of("..", "docs", "robots.md");

	private static final Path TESTS = Path.of("src", "test", "java", "io", "dingboot", "test");

	@ParameterizedTest
	@ValueSource(strings = { "DingTalkAlertAppender", "RobotAlertExampleTests" })
	void guideShowsTheClassAsItIs(String name) throws IOException {
		String source = Files.readString(TESTS.resolve(name + ".java"), StandardCharsets.UTF_8);
		String body = source.substring(source.indexOf("\nimport ") + 1).strip();
		assertThat(Files.readString(GUIDE, StandardCharsets.UTF_8)).contains(body);
	}

}
