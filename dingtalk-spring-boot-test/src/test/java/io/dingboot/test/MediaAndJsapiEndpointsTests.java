package io.dingboot.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static io.dingboot.test.FakeHttp.assertAnswer;
import static org.assertj.core.api.Assertions.assertThat;

class MediaAndJsapiEndpointsTests extends FakeHttpTestSupport {

	@RegisterExtension
	static final FakeDingTalkExtension dingTalk = new FakeDingTalkExtension();

	@Test
	void uploadWithTypeInQueryStoresMediaAndAnswersMediaId() {
		byte[] png = "png-bytes".getBytes(StandardCharsets.UTF_8);
		JsonNode answer = this.http.upload("/media/upload?type=image&access_token=" + this.http.accessToken(), Map.of(), "a.png", png);
		String mediaId = answer.path("media_id").asString();
		long createdAt = answer.path("created_at").asLong();
		assertAnswer(answer, false, "{\"errcode\":0,\"errmsg\":\"ok\",\"media_id\":\"" + mediaId + "\",\"created_at\":"
				+ createdAt + ",\"type\":\"image\"}");
		assertThat(mediaId).startsWith("@");
		assertThat(this.fake.uploadedMedia()).singleElement().satisfies((media) -> {
			assertThat(media.mediaId()).isEqualTo(mediaId);
			assertThat(media.type()).isEqualTo("image");
			assertThat(media.fileName()).isEqualTo("a.png");
			assertThat(media.content()).isEqualTo(png);
		});
	}

	@Test
	void uploadWithTypeAsFormPartIsAccepted() {
		JsonNode answer = this.http.upload("/media/upload?access_token=" + this.http.accessToken(), Map.of("type", "file"), "a.pdf",
				new byte[] { 1, 2, 3 });
		assertThat(answer.path("type").asString()).isEqualTo("file");
		assertThat(this.fake.uploadedMedia().get(0).size()).isEqualTo(3);
	}

	@Test
	void uploadWithBadTypeAnswers40004() {
		assertAnswer(this.http.upload("/media/upload?type=movie&access_token=" + this.http.accessToken(), Map.of(), "a.png",
				new byte[] { 1 }), false, "{\"errcode\":40004,\"errmsg\":\"不合法的媒体文件类型\"}");
		assertThat(this.fake.uploadedMedia()).isEmpty();
	}

	@Test
	void uploadWithoutMultipartAnswers43008() {
		assertThat(this.http.postJson("/media/upload?type=image&access_token=" + this.http.accessToken(), Map.of())
			.path("errcode")
			.asInt()).isEqualTo(43008);
	}

	@Test
	void jsapiTicketIsServedAndStaysTheSame() {
		JsonNode answer = this.http.get("/get_jsapi_ticket?access_token=" + this.http.accessToken());
		String ticket = answer.path("ticket").asString();
		assertAnswer(answer, false,
				"{\"errcode\":0,\"errmsg\":\"ok\",\"ticket\":\"" + ticket + "\",\"expires_in\":7200}");
		assertThat(this.http.get("/get_jsapi_ticket?access_token=" + this.http.accessToken()).path("ticket").asString())
			.isEqualTo(ticket);
	}

	@Test
	void failedCallbackResultIsEmptyByDefaultAndHandsOutWhatWasSetOnce() {
		String path = "/call_back/get_call_back_failed_result?access_token=" + this.http.accessToken();
		assertAnswer(this.http.get(path), false,
				"{\"errcode\":0,\"errmsg\":\"ok\",\"has_more\":false,\"failed_list\":[]}");
		this.fake.setFailedCallbacks(List.of(Map.of("call_back_tag", "user_add_org", "userid", List.of("lisi"))));
		assertAnswer(this.http.get(path), false, "{\"errcode\":0,\"errmsg\":\"ok\",\"has_more\":false,"
				+ "\"failed_list\":[{\"call_back_tag\":\"user_add_org\",\"userid\":[\"lisi\"]}]}");
		assertThat(this.http.get(path).path("failed_list").size()).isZero();
	}

}
