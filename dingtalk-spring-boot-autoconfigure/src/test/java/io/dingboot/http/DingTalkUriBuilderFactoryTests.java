package io.dingboot.http;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link DingTalkUriBuilderFactory} expands DingBoot's templates and what it gives
 * {@code RestClient} to record, kept per template.
 */
class DingTalkUriBuilderFactoryTests {

	private final DingTalkUriBuilderFactory factory = new DingTalkUriBuilderFactory();

	private final DefaultUriBuilderFactory framework = new DefaultUriBuilderFactory();

	@Test
	void aTemplateWithoutVariablesExpandsToTheSameUriOnEveryCall() {
		String template = "https://oapi.dingtalk.com/topapi/v2/department/listsub";
		URI first = this.factory.expand(template, Map.of());
		assertThat(first).isEqualTo(URI.create(template));
		assertThat(this.factory.expand(template, Map.of())).isSameAs(first);
	}

	@Test
	void variablesArePercentEncodedInPlaceOnEveryCall() {
		String template = "https://api.dingtalk.com/v1.0/contact/users/{unionId}?language={q0}";
		assertThat(this.factory.expand(template, Map.of("unionId", "a b/c", "q0", "zh_CN")))
			.hasToString("https://api.dingtalk.com/v1.0/contact/users/a%20b%2Fc?language=zh_CN");
		assertThat(this.factory.expand(template, Map.of("unionId", "u-2", "q0", "en_US")))
			.hasToString("https://api.dingtalk.com/v1.0/contact/users/u-2?language=en_US");
	}

	@Test
	void theRecordedTemplateIsFrameworksAndHoldsNoValue() {
		for (String template : new String[] { "https://oapi.dingtalk.com/gettoken",
				"https://oapi.dingtalk.com/topapi/v2/department/listsub?language={q0}",
				"http://127.0.0.1:8089/v1.0/contact/users/{unionId}", "https://oapi.dingtalk.com/topapi/x?a={q0}&b={q1}" }) {
			String expected = this.framework.uriString(template).toUriString();
			assertThat(this.factory.uriString(template).toUriString()).isEqualTo(expected);
			assertThat(this.factory.uriString(template).toUriString()).isEqualTo(expected);
		}
	}

	@Test
	void aChangedBuilderBuildsAndRecordsTheChange() {
		String template = "https://oapi.dingtalk.com/topapi/v2/department/listsub";
		UriBuilder builder = this.factory.uriString(template).queryParam("language", "{lang}").port(8443);
		assertThat(builder.toUriString())
			.isEqualTo("https://oapi.dingtalk.com:8443/topapi/v2/department/listsub?language={lang}");
		assertThat(builder.build(Map.of("lang", "zh_CN")))
			.hasToString("https://oapi.dingtalk.com:8443/topapi/v2/department/listsub?language=zh_CN");
		assertThat(this.factory.uriString(template).toUriString()).isEqualTo(template);
	}

	@Test
	void templatesBeyondTheCachedOnesStillExpand() {
		for (int i = 0; i < DingTalkUriBuilderFactory.MAX_CACHED_TEMPLATES + 10; i++) {
			String template = "https://oapi.dingtalk.com/topapi/p" + i;
			assertThat(this.factory.expand(template, Map.of())).hasToString(template);
			assertThat(this.factory.uriString(template).toUriString()).isEqualTo(template);
		}
	}

}
