package io.dingboot.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complete examples of {@code docs/testing.md} are these tests, verbatim from their first
 * annotation to their end.
 */
class TestingGuideDocsTests {

	private static final Path GUIDE = Path.of("..", "docs", "testing.md");

	private static final Path TESTS = Path.of("src", "test", "java", "io", "dingboot", "test");

	@ParameterizedTest
	@CsvSource({ "TestingGuideExampleTests, UserLookupTests", "LoginWithMockMvcExampleTests,",
			"StubExampleTests,", "FaultInjectionExampleTests,", "RecordedMessagesExampleTests,",
			"CallbackExampleTests,", "ProfileController," })
	void guideShowsTheTestAsItIs(String test, String nameInGuide) throws IOException {
		String source = Files.readString(TESTS.resolve(test + ".java"), StandardCharsets.UTF_8);
		String body = body(source);
		if (nameInGuide != null) {
			body = body.replace("class " + test + " ", "class " + nameInGuide + " ");
		}
		assertThat(Files.readString(GUIDE, StandardCharsets.UTF_8)).contains(body);
	}

	@ParameterizedTest
	@CsvSource({ "LoginOverHttpExampleTests, loginExchangesARealCodeAndTheSessionOpensProtectedEndpoints",
			"LoginOverHttpExampleTests, userTheApplicationRefusesGets401" })
	void guideShowsTheTestMethodAsItIs(String test, String method) throws IOException {
		String source = Files.readString(TESTS.resolve(test + ".java"), StandardCharsets.UTF_8);
		int start = source.indexOf("\t@Test\n\tvoid " + method);
		int end = source.indexOf("\n\t}\n", start) + 4;
		assertThat(start).isPositive();
		assertThat(Files.readString(GUIDE, StandardCharsets.UTF_8)).contains(source.substring(start, end));
	}

	private static String body(String source) {
		int classLine = source.indexOf("\nclass ");
		int start = source.lastIndexOf("\n\n", classLine) + 2;
		if (source.lastIndexOf("*/", classLine) > start) {
			start = source.indexOf("*/", start) + 3;
		}
		return source.substring(start).strip();
	}

}
