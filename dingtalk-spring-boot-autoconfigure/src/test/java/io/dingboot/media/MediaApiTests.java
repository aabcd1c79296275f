package io.dingboot.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.dingboot.ApiWireMock;
import io.dingboot.DingTalkApiException;
import io.dingboot.DingTalkApiException.Kind;
import io.dingboot.message.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MediaApiTests {

	private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"media_id\":\"$iAEKAqNwbmcDBgTNAk\","
			+ "\"created_at\":1605863153573,\"type\":\"image\"}";

	@RegisterExtension
	static final ApiWireMock dingTalk = new ApiWireMock();

	private MediaApi media;

	@BeforeEach
	void reset() {
		this.media = new MediaApi(dingTalk.reset(), MediaLimits.defaults());
	}

	@Test
	void uploadBytesSendsMultipartWithMediaPartAndTypeInQueryAndForm() {
		dingTalk.stubPost("/media/upload", OK);
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3 };
		UploadedMedia uploaded = this.media.upload(MediaType.IMAGE, png, "logo.png");
		assertThat(uploaded).isEqualTo(new UploadedMedia("$iAEKAqNwbmcDBgTNAk", "image", 1605863153573L));
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/media/upload"))
				.withQueryParam("access_token", equalTo("t"))
				.withQueryParam("type", equalTo("image"))
				.withHeader("Content-Type", containing("multipart/form-data"))
				.withRequestBodyPart(aMultipart("type").withBody(equalTo("image")).build())
				.withRequestBodyPart(aMultipart("media")
					.withHeader("Content-Disposition", containing("filename=\"logo.png\""))
					.withBody(binaryEqualTo(png))
					.build()));
	}

	@Test
	void uploadPathSendsTheFile(@TempDir Path dir) throws IOException {
		dingTalk.stubPost("/media/upload",
				"{\"errcode\":0,\"media_id\":\"@file1\",\"created_at\":1605863153574,\"type\":\"file\"}");
		Path file = dir.resolve("report.PDF");
		byte[] content = "%PDF-1.4 报告".getBytes(StandardCharsets.UTF_8);
		Files.write(file, content);
		UploadedMedia uploaded = this.media.upload(MediaType.FILE, file);
		assertThat(uploaded).isEqualTo(new UploadedMedia("@file1", "file", 1605863153574L));
		assertThat(Message.file(uploaded.mediaId()).mediaId()).isEqualTo("@file1");
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/media/upload")).withQueryParam("type", equalTo("file"))
				.withRequestBodyPart(aMultipart("type").withBody(equalTo("file")).build())
				.withRequestBodyPart(aMultipart("media")
					.withHeader("Content-Disposition", containing("filename=\"report.PDF\""))
					.withBody(binaryEqualTo(content))
					.build()));
	}

	@Test
	void uploadResourceReadsItsStreamOnce() {
		dingTalk.stubPost("/media/upload", "{\"errcode\":0,\"media_id\":\"@v\",\"created_at\":1,\"type\":\"voice\"}");
		byte[] amr = "#!AMR\n...".getBytes(StandardCharsets.US_ASCII);
		InputStreamResource resource = new InputStreamResource(new ByteArrayInputStream(amr)) {
			@Override
			public String getFilename() {
				return "hello.amr";
			}
		};
		assertThat(this.media.upload(MediaType.VOICE, resource).mediaId()).isEqualTo("@v");
		dingTalk.server()
			.verify(exactly(1), postRequestedFor(urlPathEqualTo("/media/upload")).withQueryParam("type", equalTo("voice"))
				.withRequestBodyPart(aMultipart("media").withBody(binaryEqualTo(amr)).build()));
	}

	@Test
	void uploadWhenDingTalkRefusesTheTypeThenThrows40004() {
		dingTalk.stubPost("/media/upload", "{\"errcode\":40004,\"errmsg\":\"不合法的媒体文件类型\"}");
		assertThatExceptionOfType(DingTalkApiException.class)
			.isThrownBy(() -> this.media.upload(MediaType.VIDEO, new byte[] { 1 }, "a.mp4"))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(Kind.API_ERROR);
				assertThat(ex.getEffectiveCode()).isEqualTo(40004);
				assertThat(ex.getApiPath()).isEqualTo("/media/upload");
			});
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo("/media/upload")));
	}

	@Test
	void uploadRefusesAnExtensionTheTypeDoesNotAllow() {
		assertRefused(() -> this.media.upload(MediaType.IMAGE, new byte[] { 1 }, "a.webp"),
				"'a.webp' is not a image DingTalk accepts; allowed extensions: bmp, gif, jpg, png");
		assertRefused(() -> this.media.upload(MediaType.VOICE, new byte[] { 1 }, "a.ogg"), "amr, mp3, wav");
		assertRefused(() -> this.media.upload(MediaType.VIDEO, new byte[] { 1 }, "a.mov"), "mp4");
		assertRefused(() -> this.media.upload(MediaType.FILE, new byte[] { 1 }, "noextension"), "not a file");
	}

	@Test
	void uploadRefusesMediaWithoutFileName() {
		assertRefused(() -> this.media.upload(MediaType.IMAGE, new ByteArrayResource(new byte[] { 1 })),
				"has no file name");
	}

	@Test
	void uploadRefusesEmptyMedia() {
		assertRefused(() -> this.media.upload(MediaType.IMAGE, new byte[0], "a.png"), "'a.png' is empty");
	}

	@Test
	void uploadRefusesMediaOverTheConfiguredLimit(@TempDir Path dir) throws IOException {
		MediaApi small = new MediaApi(dingTalk.client(), new MediaLimits(DataSize.ofBytes(4), DataSize.ofBytes(4),
				DataSize.ofBytes(4), DataSize.ofBytes(4)));
		assertRefused(() -> small.upload(MediaType.IMAGE, new byte[5], "a.png"),
				"larger than the image limit of 4 bytes (dingtalk.media.max-image-size)");
		Path file = dir.resolve("a.zip");
		Files.write(file, new byte[5]);
		assertRefused(() -> small.upload(MediaType.FILE, file), "larger than the file limit of 4 bytes");
		InputStreamResource stream = new InputStreamResource(new ByteArrayInputStream(new byte[100])) {
			@Override
			public String getFilename() {
				return "a.mp3";
			}
		};
		assertRefused(() -> small.upload(MediaType.VOICE, stream), "larger than the voice limit of 4 bytes");
	}

	@Test
	void uploadAcceptsMediaOfExactlyTheLimit() {
		dingTalk.stubPost("/media/upload", OK);
		MediaApi small = new MediaApi(dingTalk.client(), new MediaLimits(DataSize.ofBytes(4), DataSize.ofBytes(4),
				DataSize.ofBytes(4), DataSize.ofBytes(4)));
		small.upload(MediaType.IMAGE, new byte[4], "a.JPG");
		dingTalk.server().verify(exactly(1), postRequestedFor(urlPathEqualTo("/media/upload")));
	}

	private static void assertRefused(Runnable upload, String rule) {
		assertThatExceptionOfType(DingTalkApiException.class).isThrownBy(upload::run)
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(Kind.INVALID_REQUEST))
			.withMessageContaining(rule);
		dingTalk.server().verify(exactly(0), anyRequestedFor(anyUrl()));
	}

}
