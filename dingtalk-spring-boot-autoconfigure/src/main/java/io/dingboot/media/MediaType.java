package io.dingboot.media;

import java.util.Locale;
import java.util.Set;

/**
 * The {@code type} of a media upload, with the file extensions DingTalk documents for it.
 */
public enum MediaType {

	/** An image: jpg, gif, png, bmp. */
	IMAGE(Set.of("jpg", "gif", "png", "bmp")),

	/** A voice file: amr, mp3, wav. */
	VOICE(Set.of("amr", "mp3", "wav")),

	/** A video: mp4. */
	VIDEO(Set.of("mp4")),

	/** A file: doc, docx, xls, xlsx, ppt, pptx, zip, pdf, rar. */
	FILE(Set.of("doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip", "pdf", "rar"));

	private final Set<String> extensions;

	MediaType(Set<String> extensions) {
		this.extensions = extensions;
	}

	/**
	 * The extensions DingTalk accepts for this type, lowercase and without the dot.
	 * @return the extensions
	 */
	public Set<String> extensions() {
		return this.extensions;
	}

	/**
	 * The value of {@code type} on the wire.
	 * @return {@code image}, {@code voice}, {@code video} or {@code file}
	 */
	public String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
