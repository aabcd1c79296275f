package io.dingboot.test;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A file uploaded to the fake on {@code /media/upload}.
 *
 * @param mediaId the {@code media_id} answered
 * @param type the media type: {@code image}, {@code voice}, {@code video} or {@code file}
 * @param fileName the file name of the {@code media} part, or {@code null}
 * @param contentType the content type of the {@code media} part, or {@code null}
 * @param content the bytes
 * @param createdAt when it was stored
 */
public record UploadedMedia(String mediaId, String type, @Nullable String fileName, @Nullable String contentType, byte[] content,
		Instant createdAt) {

	/**
	 * The size of the content.
	 * @return the number of bytes
	 */
	public int size() {
		return this.content.length;
	}

	@Override
	public String toString() {
		return "UploadedMedia{mediaId=" + this.mediaId + ", type=" + this.type + ", fileName=" + this.fileName
				+ ", size=" + this.content.length + "}";
	}

}
