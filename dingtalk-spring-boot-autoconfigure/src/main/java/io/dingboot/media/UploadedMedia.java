package io.dingboot.media;

/**
 * An uploaded media file. Its {@code mediaId} goes into image, voice and file messages (and OA
 * images); it does not expire, and works only inside DingTalk.
 *
 * @param mediaId the {@code media_id}
 * @param type the type DingTalk stored it as
 * @param createdAt when it was stored, epoch milliseconds
 */
public record UploadedMedia(String mediaId, String type, long createdAt) {

}
