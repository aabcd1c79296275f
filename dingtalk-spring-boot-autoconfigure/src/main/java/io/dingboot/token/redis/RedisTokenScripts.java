package io.dingboot.token.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.dingboot.token.StoredToken;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The token's keys and the atomic operations on them: a token replaces only an older one
 * (compare-and-set on the fetch time), invalidation deletes only the refused value, and the fetch
 * lock ({@code SET NX PX}) is released by its owner only, with a notification on the key's
 * {@code released} channel in the same script.
 * <p>
 * Keys: {@code <prefix><key>} for the token, {@code <prefix><key>:lock} for the lock and
 * {@code <prefix><key>:released} for the channel, where {@code <key>} names the token kind and the
 * app's key ({@code access_token:<appKey>}), never a secret.
 */
final class RedisTokenScripts {

	private static final RedisScript<String> SAVE_IF_NEWER = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			if current then
				local fetched = tonumber(string.match(current, '^(%d+):'))
				if fetched and fetched >= tonumber(ARGV[2]) then
					return current
				end
			end
			local ttl = tonumber(ARGV[3])
			if ttl > 0 then
				redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
			end
			return ARGV[1]
			""", String.class);

	private static final RedisScript<Long> DELETE_IF_VALUE = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			if current and string.match(current, '^%d+:%d+:(.*)$') == ARGV[1] then
				return redis.call('DEL', KEYS[1])
			end
			return 0
			""", Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			local released = 0
			if redis.call('GET', KEYS[1]) == ARGV[1] then
				released = redis.call('DEL', KEYS[1])
			end
			redis.call('PUBLISH', ARGV[2], ARGV[3])
			return released
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Clock clock;

	RedisTokenScripts(StringRedisTemplate redis, String keyPrefix, Clock clock) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.clock = clock;
	}

	@Nullable StoredToken read(String key) {
		return RedisTokenCodec.decode(this.redis.opsForValue().get(tokenKey(key)));
	}

	/**
	 * Store {@code fetched} unless a token fetched at the same time or later is stored already.
	 * @return the token stored now, {@code fetched} or the newer one
	 */
	StoredToken saveIfNewer(String key, StoredToken fetched) {
		long ttl = fetched.expiresAt().toEpochMilli() - this.clock.millis();
		String winner = this.redis.execute(SAVE_IF_NEWER, List.of(tokenKey(key)), RedisTokenCodec.encode(fetched),
				Long.toString(fetched.fetchedAt().toEpochMilli()), Long.toString(ttl));
		StoredToken decoded = RedisTokenCodec.decode(winner);
		return (decoded != null) ? decoded : fetched;
	}

	void deleteIfValue(String key, String value) {
		this.redis.execute(DELETE_IF_VALUE, List.of(tokenKey(key)), value);
	}

	boolean tryLock(String key, String owner, Duration timeout) {
		return Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(lockKey(key), owner, timeout));
	}

	void release(String key, String owner) {
		this.redis.execute(RELEASE, List.of(lockKey(key)), owner, channel(key), key);
	}

	String tokenKey(String key) {
		return this.keyPrefix + key;
	}

	String lockKey(String key) {
		return this.keyPrefix + key + ":lock";
	}

	String channel(String key) {
		return this.keyPrefix + key + ":released";
	}

}
