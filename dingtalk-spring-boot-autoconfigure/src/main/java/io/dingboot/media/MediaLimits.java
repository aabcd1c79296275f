package io.dingboot.media;

import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * The largest upload of each media type. DingTalk's sources disagree (the upload page says 20 MB
 * for images and files, the global error table 1 MB and 10 MB), so the limits are configurable;
 * the defaults are the current upload page's.
 *
 * @param image the largest image
 * @param voice the largest voice file
 * @param video the largest video
 * @param file the largest file
 */
public record MediaLimits(DataSize image, DataSize voice, DataSize video, DataSize file) {

	public MediaLimits {
		Assert.notNull(image, "'image' must not be null");
		Assert.notNull(voice, "'voice' must not be null");
		Assert.notNull(video, "'video' must not be null");
		Assert.notNull(file, "'file' must not be null");
	}

	/**
	 * The current documented limits: image 20 MB, voice 2 MB, video 20 MB, file 20 MB.
	 * @return the limits
	 */
	public static MediaLimits defaults() {
		return new MediaLimits(DataSize.ofMegabytes(20), DataSize.ofMegabytes(2), DataSize.ofMegabytes(20),
				DataSize.ofMegabytes(20));
	}

	/**
	 * The limit of {@code type}.
	 * @param type the media type
	 * @return its largest size
	 */
	public DataSize of(MediaType type) {
		return switch (type) {
			case IMAGE -> this.image;
			case VOICE -> this.voice;
			case VIDEO -> this.video;
			case FILE -> this.file;
		};
	}

}
