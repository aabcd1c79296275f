package io.dingboot.jsapi.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The origin of a page: scheme, host and port, with default ports made explicit and the host in
 * lower case, so that {@code https://A.com} and {@code https://a.com:443} are the same origin.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host name or IP address (IPv6 without brackets)
 * @param port the port
 */
public record PageOrigin(String scheme, String host, int port) {

	/**
	 * The normalised origin of the given parts.
	 * @param scheme the scheme
	 * @param host the host (IPv6 with or without brackets)
	 * @param port the port, or {@code -1} for the scheme's default
	 * @return the origin
	 * @throws IllegalArgumentException when the scheme is not http(s) or the host is empty
	 */
	public static PageOrigin of(String scheme, String host, int port) {
		String lowerScheme = (scheme != null) ? scheme.toLowerCase(Locale.ROOT) : "";
		if (!lowerScheme.equals("http") && !lowerScheme.equals("https")) {
			throw new IllegalArgumentException("The scheme must be http or https");
		}
		if (host == null || host.isEmpty()) {
			throw new IllegalArgumentException("The host is empty");
		}
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		int defaultPort = lowerScheme.equals("https") ? 443 : 80;
		return new PageOrigin(lowerScheme, bare.toLowerCase(Locale.ROOT), (port <= 0) ? defaultPort : port);
	}

	/**
	 * Parse a configured origin, exactly {@code scheme://host[:port]}.
	 * @param origin the origin
	 * @return the origin
	 * @throws IllegalArgumentException when {@code origin} is not of that form
	 */
	public static PageOrigin parseOrigin(String origin) {
		PageOrigin parsed = parse(origin, true);
		if (parsed == null) {
			throw new IllegalArgumentException("'" + origin + "' is not scheme://host[:port]");
		}
		return parsed;
	}

	/**
	 * The origin of an absolute http(s) page URL.
	 * @param url the URL
	 * @return the origin
	 * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL with a plain host
	 * (user info, such as {@code https://a.com@b.com/}, is refused)
	 */
	public static PageOrigin parseUrl(String url) {
		PageOrigin parsed = parse(url, false);
		if (parsed == null) {
			throw new IllegalArgumentException("The URL is not an absolute http(s) URL with a valid host");
		}
		return parsed;
	}

	private static @Nullable PageOrigin parse(String text, boolean originOnly) {
		if (text == null) {
			return null;
		}
		int separator = text.indexOf("://");
		if (separator <= 0) {
			return null;
		}
		String scheme = text.substring(0, separator).toLowerCase(Locale.ROOT);
		String rest = text.substring(separator + 3);
		int end = indexOfAny(rest, "/?#\\");
		if (originOnly && end >= 0) {
			return null;
		}
		String authority = (end >= 0) ? rest.substring(0, end) : rest;
		return parseAuthority(scheme, authority);
	}

	private static @Nullable PageOrigin parseAuthority(String scheme, String authority) {
		String host;
		String port = null;
		if (authority.startsWith("[")) {
			int close = authority.indexOf(']');
			if (close < 0) {
				return null;
			}
			host = authority.substring(1, close);
			String after = authority.substring(close + 1);
			if (!after.isEmpty()) {
				if (!after.startsWith(":")) {
					return null;
				}
				port = after.substring(1);
			}
			if (!host.matches("[0-9A-Fa-f:.]+")) {
				return null;
			}
		}
		else {
			int colon = authority.indexOf(':');
			host = (colon >= 0) ? authority.substring(0, colon) : authority;
			port = (colon >= 0) ? authority.substring(colon + 1) : null;
			if (!host.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
				return null;
			}
		}
		int portNumber = -1;
		if (port != null) {
			if (!port.matches("[0-9]{1,5}")) {
				return null;
			}
			portNumber = Integer.parseInt(port);
			if (portNumber < 1 || portNumber > 65535) {
				return null;
			}
		}
		try {
			return of(scheme, host, portNumber);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static int indexOfAny(String text, String chars) {
		for (int i = 0; i < text.length(); i++) {
			if (chars.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public String toString() {
		String shownHost = this.host.contains(":") ? "[" + this.host + "]" : this.host;
		boolean defaultPort = (this.scheme.equals("https") && this.port == 443)
				|| (this.scheme.equals("http") && this.port == 80);
		return this.scheme + "://" + shownHost + (defaultPort ? "" : ":" + this.port);
	}

}
