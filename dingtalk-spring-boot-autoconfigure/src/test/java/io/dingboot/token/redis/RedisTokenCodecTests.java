package io.dingboot.token.redis;

import java.time.Instant;

import io.dingboot.token.StoredToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedisTokenCodec}: the value format the Lua scripts read too.
 */
class RedisTokenCodecTests {

	private static final StoredToken TOKEN = new StoredToken("abc:def", Instant.ofEpochMilli(1700000000000L),
			Instant.ofEpochMilli(1700007200000L));

	@Test
	void encodeWritesFetchTimeExpiryAndValueSeparatedByColons() {
		assertThat(RedisTokenCodec.encode(TOKEN)).isEqualTo("1700000000000:1700007200000:abc:def");
	}

	@Test
	void decodeReadsWhatEncodeWroteEvenWithColonsInTheValue() {
		assertThat(RedisTokenCodec.decode(RedisTokenCodec.encode(TOKEN))).isEqualTo(TOKEN);
	}

	@Test
	void decodeOfAbsentOrForeignValueIsNull() {
		assertThat(RedisTokenCodec.decode(null)).isNull();
		assertThat(RedisTokenCodec.decode("plain-token")).isNull();
		assertThat(RedisTokenCodec.decode("x:1700007200000:token")).isNull();
		assertThat(RedisTokenCodec.decode(":1:token")).isNull();
	}

}
