package io.dingboot.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * DingTalk's media upload ({@code POST /media/upload}, multipart). The file's extension and size
 * are checked against the documented formats and the configured {@link MediaLimits} before
 * anything is sent; what breaks a rule is refused with
 * {@link DingTalkApiException.Kind#INVALID_REQUEST}. The file is read into memory (at most the
 * limit, plus one byte to tell).
 */
public final class MediaApi {

	static final String UPLOAD = "/media/upload";

	private final DingTalkClient client;

	private final MediaLimits limits;

	public MediaApi(DingTalkClient client, MediaLimits limits) {
		this.client = client;
		this.limits = limits;
	}

	/**
	 * Upload a resource; its file name gives the format.
	 * @param type the media type
	 * @param resource the content, with a file name
	 * @return the uploaded media
	 * @throws UncheckedIOException when the resource cannot be read
	 */
	public UploadedMedia upload(MediaType type, Resource resource) {
		String filename = resource.getFilename();
		checkName(type, filename);
		long limit = this.limits.of(type).toBytes();
		try (InputStream in = resource.getInputStream()) {
			byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			return send(type, content, filename);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the media to upload: " + filename, ex);
		}
	}

	/**
	 * Upload a file.
	 * @param type the media type
	 * @param path the file
	 * @return the uploaded media
	 * @throws UncheckedIOException when the file cannot be read
	 */
	public UploadedMedia upload(MediaType type, Path path) {
		Path name = path.getFileName();
		String filename = (name != null) ? name.toString() : null;
		checkName(type, filename);
		try {
			long size = Files.size(path);
			checkSize(type, size, filename);
			return send(type, Files.readAllBytes(path), filename);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the media to upload: " + path, ex);
		}
	}

	/**
	 * Upload bytes under a file name that gives the format.
	 * @param type the media type
	 * @param content the content
	 * @param filename the file name, e.g. {@code 报告.pdf}
	 * @return the uploaded media
	 */
	public UploadedMedia upload(MediaType type, byte[] content, String filename) {
		checkName(type, filename);
		return send(type, content, filename);
	}

	private UploadedMedia send(MediaType type, byte[] content, @Nullable String filename) {
		checkSize(type, content.length, filename);
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("type", type.wireValue());
		parts.add("media", new NamedBytes(content, filename));
		JsonNode answer = this.client
			.execute(DingTalkRequest.post(UPLOAD).query("type", type.wireValue()).body(parts).build());
		JsonNode mediaId = answer.get("media_id");
		if (mediaId == null || !mediaId.isString() || mediaId.asString().isEmpty()) {
			throw DingTalkApiException.invalidResponse(UPLOAD, 200,
					"DingTalk " + UPLOAD + " answered without a media_id");
		}
		return new UploadedMedia(mediaId.asString(), answer.path("type").asString(type.wireValue()),
				answer.path("created_at").asLong(0));
	}

	private static void checkName(MediaType type, @Nullable String filename) {
		if (!StringUtils.hasText(filename)) {
			throw DingTalkApiException.invalidRequest(UPLOAD,
					"the media has no file name; DingTalk tells the format by its extension");
		}
		String extension = StringUtils.getFilenameExtension(filename);
		if (extension == null || !type.extensions().contains(extension.toLowerCase(Locale.ROOT))) {
			throw DingTalkApiException.invalidRequest(UPLOAD, "'" + filename + "' is not a " + type.wireValue()
					+ " DingTalk accepts; allowed extensions: " + String.join(", ", type.extensions().stream().sorted().toList()));
		}
	}

	private void checkSize(MediaType type, long size, @Nullable String filename) {
		long limit = this.limits.of(type).toBytes();
		if (size == 0) {
			throw DingTalkApiException.invalidRequest(UPLOAD, "'" + filename + "' is empty");
		}
		if (size > limit) {
			throw DingTalkApiException.invalidRequest(UPLOAD,
					"'" + filename + "' is larger than the " + type.wireValue() + " limit of " + limit
							+ " bytes (dingtalk.media.max-" + type.wireValue() + "-size)");
		}
	}

	/**
	 * Bytes with the file name the multipart part carries.
	 */
	private static final class NamedBytes extends ByteArrayResource {

		private final @Nullable String filename;

		NamedBytes(byte[] content, @Nullable String filename) {
			super(content);
			this.filename = filename;
		}

		@Override
		public @Nullable String getFilename() {
			return this.filename;
		}

	}

}
