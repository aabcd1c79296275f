package io.dingboot.callback;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DingTalkCallbackCrypto}: the vectors CB2, CB4 and CB5, round trips over random
 * keys and messages, and refusal of every single-bit change.
 */
class DingTalkCallbackCryptoTests {

	private static final String CB2_KEY = "1234567890123456789012345678901234567890123";

	private static final String CB2_OWNER = "dingsnotzck6pm5veliw";

	private static final String CB2_ENCRYPT = "YvkvaGe4hQxd3VxRmEty0dVlnCOAqwf56xwTRHDHoOURqhalbmBJQk5FNcRk42Gl5T0YQXZNwpwWSm1xAFJ5ZA==";

	private static final String CB4_ENCRYPT = "O8sUznedQCridGXrXTG0wB2rzI1ZElXS6Z+KlV3OhIQdBszIOjWrrPY+FD90a6scx1IbvKGkgl3O++uPP+JiiA==";

	private static final String CB5_ENCRYPT = "/UNo/AsIFvdMqUG61hcOmtjVfGyzXpGPrndttrmwAnDYyA63CDDPgnOs5FBhLoH234pnzn3fZ+0dfArKZI4s5vyySLboV5Lu16IiPmIqCBgnZp5Bc+Wf0PtBOkO7OamJ";

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final Random random = new Random(20240611L);

	@Test
	void cb2OfficialReplyVerifiesAndDecryptsToSuccess() {
		DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto("123456", CB2_KEY);
		DecryptedMessage message = crypto.verifyAndDecrypt("9a95a004dd16f5c307e849b994173f76aa26e5eb", "1614767836",
				"A7Co0cJLMzIDtMMI", CB2_ENCRYPT, Set.of(CB2_OWNER));
		assertThat(message.plaintext()).isEqualTo("success");
		assertThat(message.ownerKey()).isEqualTo(CB2_OWNER);
	}

	@Test
	void cb2EncryptWithTheSameRandomPrefixGivesTheOfficialValue() {
		DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto("123456", CB2_KEY);
		assertThat(crypto.encrypt("success", CB2_OWNER, "dICkEDLj0eb6yAbc")).isEqualTo(CB2_ENCRYPT);
		assertThat(crypto.signature("1614767836", "A7Co0cJLMzIDtMMI", CB2_ENCRYPT))
			.isEqualTo("9a95a004dd16f5c307e849b994173f76aa26e5eb");
	}

	@Test
	void cb4EncryptAndSignatureMatchTheVector() {
		DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto("123456",
				"4g5j64qlyl3zvetqxz5jiocdr586fn2zvjpa8zls3ij");
		assertThat(crypto.encrypt("success", "suite4xxxxxxxxxxxxxxx", "abcdefghijklmnop")).isEqualTo(CB4_ENCRYPT);
		assertThat(crypto.signature("1445827045067", "nEXhMP4r", CB4_ENCRYPT))
			.isEqualTo("1b12783a4c097c932f5ea90da0e074c2167c7fec");
		assertThat(crypto
			.verifyAndDecrypt("1b12783a4c097c932f5ea90da0e074c2167c7fec", "1445827045067", "nEXhMP4r", CB4_ENCRYPT,
					Set.of("suite4xxxxxxxxxxxxxxx"))
			.plaintext()).isEqualTo("success");
	}

	@Test
	void cb5CheckUrlEncryptAndSignatureMatchTheVector() {
		DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto("123456", CB2_KEY);
		assertThat(crypto.encrypt("{\"EventType\":\"check_url\"}", CB2_OWNER, "abcdefghijklmnop"))
			.isEqualTo(CB5_ENCRYPT);
		assertThat(crypto.signature("1614767836", "A7Co0cJLMzIDtMMI", CB5_ENCRYPT))
			.isEqualTo("5698952efc284fb9e58900da12d8dc253c7d288a");
		DecryptedMessage message = crypto.verifyAndDecrypt("5698952efc284fb9e58900da12d8dc253c7d288a", "1614767836",
				"A7Co0cJLMzIDtMMI", CB5_ENCRYPT, List.of("dingcorp", CB2_OWNER));
		assertThat(message.plaintext()).isEqualTo("{\"EventType\":\"check_url\"}");
		assertThat(message.ownerKey()).isEqualTo(CB2_OWNER);
	}

	@Test
	void decryptWhenOwnerKeyIsNotExpectedThenRefusesWith900010() {
		DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto("123456", CB2_KEY);
		assertThatExceptionOfType(DingTalkCallbackException.class)
			.isThrownBy(() -> crypto.decrypt(CB5_ENCRYPT, Set.of("dingother")))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(900010))
			.withMessageNotContaining(CB2_OWNER);
	}

	@Test
	void verifyWhenSignatureIsWrongThenRefusesWith900006() {
		DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto("123456", CB2_KEY);
		assertThatExceptionOfType(DingTalkCallbackException.class)
			.isThrownBy(() -> crypto.verifyAndDecrypt("5698952efc284fb9e58900da12d8dc253c7d288b", "1614767836",
					"A7Co0cJLMzIDtMMI", CB5_ENCRYPT, Set.of(CB2_OWNER)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(900006));
		assertThatExceptionOfType(DingTalkCallbackException.class)
			.isThrownBy(() -> crypto.verifyAndDecrypt(null, "1614767836", "A7Co0cJLMzIDtMMI", CB5_ENCRYPT,
					Set.of(CB2_OWNER)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(900006));
	}

	@Test
	void constructorWhenAesKeyIsNot43AlphanumericsThenRefusesWith900004WithoutTheKey() {
		for (String key : new String[] { null, "", "short", CB2_KEY + "4", CB2_KEY.substring(1) + "+",
				CB2_KEY.substring(1) + "=" }) {
			assertThatExceptionOfType(DingTalkCallbackException.class)
				.isThrownBy(() -> new DingTalkCallbackCrypto("123456", key))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(900004))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("1234567890"));
		}
	}

	@Test
	void decryptWithTheWrongKeyIsAnErrorNeverAnOutOfMemoryError() {
		DingTalkCallbackCrypto right = new DingTalkCallbackCrypto("123456", CB2_KEY);
		for (int i = 0; i < 2000; i++) {
			DingTalkCallbackCrypto wrong = new DingTalkCallbackCrypto("123456", randomKey());
			String encrypt = right.encrypt(randomText(this.random.nextInt(300)), CB2_OWNER);
			assertThatExceptionOfType(DingTalkCallbackException.class)
				.isThrownBy(() -> wrong.decrypt(encrypt, Set.of(CB2_OWNER)))
				.satisfies((ex) -> assertThat(ex.getCode()).isIn(900008, 900009, 900010));
		}
	}

	@Test
	void decryptWhenBodyIsTruncatedOrNotBase64ThenRefusesWith900008() {
		DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto("123456", CB2_KEY);
		byte[] full = Base64.getDecoder().decode(CB5_ENCRYPT);
		for (int length = 0; length < full.length; length++) {
			String truncated = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(full, length));
			assertThatExceptionOfType(DingTalkCallbackException.class)
				.isThrownBy(() -> crypto.decrypt(truncated, Set.of(CB2_OWNER)))
				.satisfies((ex) -> assertThat(ex.getCode()).isIn(900008, 900009, 900010));
		}
		for (String bad : new String[] { null, "", "%%%", "abc", CB5_ENCRYPT.substring(1) }) {
			assertThatExceptionOfType(DingTalkCallbackException.class)
				.isThrownBy(() -> crypto.decrypt(bad, Set.of(CB2_OWNER)))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(900008));
		}
	}

	@Test
	void encryptThenDecryptIsIdentityOverRandomKeysAndMessages() {
		for (int i = 0; i < 1000; i++) {
			String token = randomText(1 + this.random.nextInt(32));
			DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto(token, randomKey());
			String message = randomText(this.random.nextInt(400));
			String owner = "ding" + randomAlphanumeric(1 + this.random.nextInt(30));
			String encrypt = crypto.encrypt(message, owner);
			String signature = crypto.signature("1700000000000", "nonce" + i, encrypt);
			DecryptedMessage decrypted = crypto.verifyAndDecrypt(signature, "1700000000000", "nonce" + i, encrypt,
					Set.of("other", owner));
			assertThat(decrypted.plaintext()).isEqualTo(message);
			assertThat(decrypted.ownerKey()).isEqualTo(owner);
		}
	}

	@Test
	void everySingleBitChangeOfEncryptOrSignatureIsRefused() {
		for (int round = 0; round < 20; round++) {
			DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto("tok" + round, randomKey());
			String encrypt = crypto.encrypt(randomText(this.random.nextInt(120)), "dingowner");
			String signature = crypto.signature("1614767836", "A7Co0cJLMzIDtMMI", encrypt);
			for (String changed : bitFlips(encrypt)) {
				assertThatExceptionOfType(DingTalkCallbackException.class).isThrownBy(() -> crypto
					.verifyAndDecrypt(signature, "1614767836", "A7Co0cJLMzIDtMMI", changed, Set.of("dingowner")));
			}
			for (String changed : bitFlips(signature)) {
				assertThatExceptionOfType(DingTalkCallbackException.class)
					.isThrownBy(() -> crypto.verifyAndDecrypt(changed, "1614767836", "A7Co0cJLMzIDtMMI", encrypt,
							Set.of("dingowner")))
					.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(900006));
			}
		}
	}

	@Test
	void encryptedReplyIsSignedAndDecryptsToTheMessage() {
		DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto("123456", CB2_KEY);
		Map<String, String> reply = crypto.encryptedReply("success", CB2_OWNER);
		assertThat(reply).containsOnlyKeys("msg_signature", "timeStamp", "nonce", "encrypt");
		assertThat(reply.get("nonce")).matches("[A-Za-z0-9]{16}");
		DecryptedMessage message = crypto.verifyAndDecrypt(reply.get("msg_signature"), reply.get("timeStamp"),
				reply.get("nonce"), reply.get("encrypt"), Set.of(CB2_OWNER));
		assertThat(message.plaintext()).isEqualTo("success");
	}

	@Test
	void toStringShowsNoSecret() {
		DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto("mytoken123", CB2_KEY);
		assertThat(crypto.toString()).doesNotContain("mytoken123").doesNotContain("1234567890");
	}

	private static List<String> bitFlips(String value) {
		List<String> flips = new java.util.ArrayList<>();
		char[] chars = value.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			for (int bit = 0; bit < 7; bit++) {
				char[] copy = chars.clone();
				copy[i] = (char) (copy[i] ^ (1 << bit));
				flips.add(new String(copy));
			}
		}
		return flips;
	}

	private String randomKey() {
		return randomAlphanumeric(43);
	}

	private String randomAlphanumeric(int length) {
		StringBuilder builder = new StringBuilder();
		for (int i = 0; i < length; i++) {
			builder.append(ALPHANUMERIC.charAt(this.random.nextInt(ALPHANUMERIC.length())));
		}
		return builder.toString();
	}

	private String randomText(int length) {
		StringBuilder builder = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int kind = this.random.nextInt(10);
			if (kind == 0) {
				builder.append((char) (0x4E00 + this.random.nextInt(0x5000)));
			}
			else if (kind == 1) {
				builder.appendCodePoint(0x1F600 + this.random.nextInt(50));
			}
			else {
				builder.append((char) (0x20 + this.random.nextInt(0x5F)));
			}
		}
		return builder.toString();
	}

}
