package io.dingboot.test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;

/**
 * {@code POST /media/upload}: stores the multipart part {@code media} and answers a
 * {@code media_id}. {@code type} is read from the query string or a form part.
 */
final class MediaEndpoints extends EndpointGroup {

	static final String UPLOAD = "/media/upload";

	private static final long MB = 1024 * 1024;

	private static final Map<String, Long> MAX_SIZES = Map.of("image", 20 * MB, "voice", 2 * MB, "video", 20 * MB,
			"file", 20 * MB);

	private static final Map<String, List<String>> EXTENSIONS = Map.of("image", List.of("jpg", "jpeg", "gif", "png", "bmp"),
			"voice", List.of("amr", "mp3", "wav"), "video", List.of("mp4"), "file",
			List.of("doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip", "pdf", "rar"));

	MediaEndpoints(FakeState state) {
		super("dingtalk-media", state);
	}

	@Override
	List<String> paths() {
		return List.of(UPLOAD);
	}

	@Override
	Answer handle(FakeCall call) {
		Request request = call.request();
		if (!request.isMultipart()) {
			throw new CallRejected(43008);
		}
		String type = call.query("type");
		if (type == null && request.getPart("type") != null) {
			type = request.getPart("type").getBody().asString().trim();
		}
		if (type == null || !MAX_SIZES.containsKey(type)) {
			throw new CallRejected(40004);
		}
		Request.Part media = request.getPart("media");
		if (media == null) {
			throw new CallRejected(40035, "缺少参数 media");
		}
		byte[] content = media.getBody().asBytes();
		String fileName = media.getFileName();
		if (fileName != null && fileName.contains(".")) {
			String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
			if (!EXTENSIONS.get(type).contains(extension)) {
				throw new CallRejected(40005, "不合法的文件类型");
			}
		}
		if (content.length == 0 || content.length > MAX_SIZES.get(type)) {
			throw new CallRejected(40006);
		}
		HttpHeader contentType = media.getHeader("Content-Type");
		String mediaId = "@lA" + RandomIds.alphanumeric(21);
		UploadedMedia uploaded = new UploadedMedia(mediaId, type, fileName,
				(contentType != null && contentType.isPresent()) ? contentType.firstValue() : null, content,
				this.state.clock.instant());
		this.state.addMedia(uploaded);
		return Answer.ok(call,
				Answer.fields("media_id", mediaId, "created_at", uploaded.createdAt().toEpochMilli(), "type", type));
	}

}
