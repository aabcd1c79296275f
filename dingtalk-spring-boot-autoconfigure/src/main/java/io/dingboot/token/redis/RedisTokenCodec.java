package io.dingboot.token.redis;

import java.time.Instant;

import io.dingboot.token.StoredToken;
import org.jspecify.annotations.Nullable;

/**
 * The Redis value of a token: {@code fetchedAt:expiresAt:value} (epoch millis), a plain string
 * whatever {@code RedisTemplate} serialization the application configured. The Lua scripts of
 * {@link RedisTokenScripts} read the same format.
 */
final class RedisTokenCodec {

	private RedisTokenCodec() {
	}

	static String encode(StoredToken token) {
		return token.fetchedAt().toEpochMilli() + ":" + token.expiresAt().toEpochMilli() + ":" + token.value();
	}

	static @Nullable StoredToken decode(@Nullable String encoded) {
		if (encoded == null) {
			return null;
		}
		int first = encoded.indexOf(':');
		int second = (first > 0) ? encoded.indexOf(':', first + 1) : -1;
		if (second < 0) {
			return null;
		}
		try {
			Instant fetchedAt = Instant.ofEpochMilli(Long.parseLong(encoded, 0, first, 10));
			Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(encoded, first + 1, second, 10));
			return new StoredToken(encoded.substring(second + 1), fetchedAt, expiresAt);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
