package io.dingboot.jsapi;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Signs a page URL for {@code dd.config}: the JSAPI ticket, a random nonce, the time in epoch
 * seconds and the normalised URL, hashed as
 * {@code jsapi_ticket=<ticket>&noncestr=<nonce>&timestamp=<time>&url=<url>}.
 * The hash is SHA-1 unless SHA-256 is chosen ({@code dingtalk.jsapi.signature-algorithm}).
 */
public final class JsapiSigner {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final int NONCE_LENGTH = 16;

	private final JsapiTicketProvider tickets;

	private final @Nullable String corpId;

	private final @Nullable String agentId;

	private final SignatureAlgorithm algorithm;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Create a signer.
	 * @param tickets the ticket provider
	 * @param corpId the CorpId ({@code dingtalk.corp-id}); {@code null} makes {@link #sign(String)} fail
	 * @param agentId the AgentId ({@code dingtalk.agent-id}); {@code null} makes {@link #sign(String)} fail
	 * @param algorithm the hash
	 */
	public JsapiSigner(JsapiTicketProvider tickets, @Nullable String corpId, @Nullable Long agentId,
			SignatureAlgorithm algorithm) {
		this(tickets, corpId, agentId, algorithm, Clock.systemUTC());
	}

	JsapiSigner(JsapiTicketProvider tickets, @Nullable String corpId, @Nullable Long agentId,
			SignatureAlgorithm algorithm, Clock clock) {
		Assert.notNull(tickets, "'tickets' must not be null");
		Assert.notNull(algorithm, "'algorithm' must not be null");
		this.tickets = tickets;
		this.corpId = StringUtils.hasText(corpId) ? corpId : null;
		this.agentId = (agentId != null) ? agentId.toString() : null;
		this.algorithm = algorithm;
		this.clock = clock;
	}

	public SignatureAlgorithm getAlgorithm() {
		return this.algorithm;
	}

	/**
	 * Sign the page at {@code url} (the page's {@code location.href}) for {@code dd.config}.
	 * @param url the absolute http(s) URL of the page
	 * @return the dd.config values
	 * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL
	 * @throws IllegalStateException when {@code dingtalk.corp-id} or {@code dingtalk.agent-id} is not set
	 * @throws io.dingboot.DingTalkApiException when no ticket can be fetched
	 */
	public DdConfig sign(String url) {
		String normalized = normalizeUrl(url);
		if (this.corpId == null) {
			throw new IllegalStateException("dingtalk.corp-id is not set; dd.config needs the organisation's CorpId");
		}
		if (this.agentId == null) {
			throw new IllegalStateException("dingtalk.agent-id is not set; dd.config needs the app's AgentId");
		}
		String ticket = this.tickets.getTicket();
		String timeStamp = Long.toString(this.clock.millis() / 1000);
		String nonceStr = nonce();
		return new DdConfig(this.agentId, this.corpId, timeStamp, nonceStr,
				sign(this.algorithm, ticket, nonceStr, timeStamp, normalized));
	}

	/**
	 * The SHA-1 signature of the given values; {@code url} is signed as given.
	 * @param ticket the JSAPI ticket
	 * @param nonceStr the nonce
	 * @param timeStamp the time stamp
	 * @param url the URL, already normalised
	 * @return the lowercase hex signature
	 */
	public static String sign(String ticket, String nonceStr, String timeStamp, String url) {
		return sign(SignatureAlgorithm.SHA1, ticket, nonceStr, timeStamp, url);
	}

	/**
	 * The signature of the given values with {@code algorithm}; {@code url} is signed as given.
	 * @param algorithm the hash
	 * @param ticket the JSAPI ticket
	 * @param nonceStr the nonce
	 * @param timeStamp the time stamp
	 * @param url the URL, already normalised
	 * @return the lowercase hex signature
	 */
	public static String sign(SignatureAlgorithm algorithm, String ticket, String nonceStr, String timeStamp,
			String url) {
		String plain = "jsapi_ticket=" + ticket + "&noncestr=" + nonceStr + "&timestamp=" + timeStamp + "&url=" + url;
		try {
			MessageDigest digest = MessageDigest.getInstance(algorithm.jcaName());
			return HexFormat.of().formatHex(digest.digest(plain.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(algorithm.jcaName() + " is not available", ex);
		}
	}

	/**
	 * Normalise a page URL the way DingTalk signs it: drop {@code #} and everything after it,
	 * percent-decode the query once (as UTF-8; {@code +} stays {@code +}), keep scheme, authority
	 * (an explicit port included) and path exactly as given, and never encode anything.
	 * @param url the page URL
	 * @return the URL to sign
	 * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL or its query
	 * has a malformed percent escape
	 */
	public static String normalizeUrl(String url) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("The URL to sign is empty");
		}
		String href = url.strip();
		int hash = href.indexOf('#');
		if (hash >= 0) {
			href = href.substring(0, hash);
		}
		int colon = href.indexOf("://");
		String scheme = (colon > 0) ? href.substring(0, colon).toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new IllegalArgumentException("The URL to sign must be an absolute http(s) URL: " + abbreviate(url));
		}
		String rest = href.substring(colon + 3);
		int authorityEnd = indexOfAny(rest, "/?");
		String authority = (authorityEnd >= 0) ? rest.substring(0, authorityEnd) : rest;
		if (authority.isEmpty() || authority.startsWith(":") || containsAny(authority, " \\\t\r\n")) {
			throw new IllegalArgumentException("The URL to sign has no valid host: " + abbreviate(url));
		}
		String pathAndQuery = (authorityEnd >= 0) ? rest.substring(authorityEnd) : "";
		int question = pathAndQuery.indexOf('?');
		if (question < 0) {
			return scheme + "://" + authority + pathAndQuery;
		}
		return scheme + "://" + authority + pathAndQuery.substring(0, question) + "?"
				+ percentDecode(pathAndQuery.substring(question + 1), url);
	}

	private static String percentDecode(String query, String url) {
		if (query.indexOf('%') < 0) {
			return query;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (c == '%') {
				int high = (i + 2 < query.length()) ? Character.digit(query.charAt(i + 1), 16) : -1;
				int low = (high >= 0) ? Character.digit(query.charAt(i + 2), 16) : -1;
				if (low < 0) {
					throw new IllegalArgumentException(
							"The query of the URL to sign has a malformed percent escape: " + abbreviate(url));
				}
				bytes.write((high << 4) + low);
				i += 2;
			}
			else {
				byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				if (Character.isHighSurrogate(c) && i + 1 < query.length()) {
					raw = query.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
					i++;
				}
				bytes.writeBytes(raw);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("The query of the URL to sign does not decode as UTF-8: " + abbreviate(url));
		}
	}

	private String nonce() {
		char[] chars = new char[NONCE_LENGTH];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = ALPHABET.charAt(this.random.nextInt(ALPHABET.length()));
		}
		return new String(chars);
	}

	private static int indexOfAny(String text, String chars) {
		for (int i = 0; i < text.length(); i++) {
			if (chars.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	private static boolean containsAny(String text, String chars) {
		return indexOfAny(text, chars) >= 0;
	}

	private static String abbreviate(String url) {
		return (url.length() > 100) ? url.substring(0, 100) + "..." : url;
	}

	@Override
	public String toString() {
		return "JsapiSigner{corpId=" + this.corpId + ", agentId=" + this.agentId + ", algorithm=" + this.algorithm + "}";
	}

}
