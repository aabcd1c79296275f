package io.dingboot.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Browser login (OAuth2 web login) as DingTalk serves it:
 * <ul>
 * <li>{@code GET /oauth2/auth} on the login host: a page to pick a demo user and consent, which
 * sends the browser to {@code redirect_uri?authCode=…&state=…} (with {@code userid=} the choice is
 * made at once; {@code deny=true} answers {@code error=access_denied&state=…}). Users of the
 * organisations of the other hosted apps are offered too, marked as such, to try a person who is
 * not a member of the app's organisation;</li>
 * <li>{@code POST /v1.0/oauth2/userAccessToken} with
 * {@code {"clientId","clientSecret","code","grantType":"authorization_code"}}: codes are valid once,
 * for 5 minutes, for the client id they were issued to; answered with
 * {@code {"accessToken","refreshToken","expireIn","corpId"}} (the corp of the person's
 * organisation) or 400 {@code invalidCode} / {@code invalidClientIdOrSecret};</li>
 * <li>{@code GET /v1.0/contact/users/me} with the user token in {@code x-acs-dingtalk-access-token}:
 * {@code {"nick","avatarUrl","openId","unionId","stateCode"}}, 400
 * {@code AuthenticationFailed.MissingParameter} without the header, 400 {@code InvalidAuthentication}
 * with an unknown or expired token.</li>
 * </ul>
 */
final class OAuth2LoginEndpoints extends EndpointGroup {

	static final String AUTHORIZE = "/oauth2/auth";

	static final String USER_ACCESS_TOKEN = "/v1.0/oauth2/userAccessToken";

	static final String USERS_ME = "/v1.0/contact/users/me";

	static final Duration CODE_VALIDITY = Duration.ofMinutes(5);

	static final Duration TOKEN_VALIDITY = Duration.ofHours(2);

	private static final int MAX_PENDING = 10_000;

	private final Map<String, Grant> codes = new LinkedHashMap<>();

	private final Map<String, Grant> tokens = new LinkedHashMap<>();

	OAuth2LoginEndpoints(FakeState state) {
		super("dingtalk-oauth2-login", state);
	}

	@Override
	List<String> paths() {
		return List.of(AUTHORIZE, USER_ACCESS_TOKEN, USERS_ME);
	}

	@Override
	boolean needsToken() {
		return false;
	}

	@Override
	Answer handle(FakeCall call) {
		return switch (call.path()) {
			case AUTHORIZE -> authorize(call);
			case USER_ACCESS_TOKEN -> userAccessToken(call);
			default -> usersMe(call);
		};
	}

	private Answer authorize(FakeCall call) {
		String clientId = call.query("client_id");
		String redirectUri = call.query("redirect_uri");
		String state = call.query("state");
		FakeApps.Hosted app = (clientId != null) ? this.state.apps.byAppKey(clientId) : null;
		if (app == null) {
			return page(400, "<p id=\"error\">无效的 client_id / unknown client_id</p>");
		}
		if (redirectUri == null || !"code".equals(call.query("response_type"))
				|| call.query("scope") == null || !List.of(call.query("scope").split(" ")).contains("openid")) {
			return page(400, "<p id=\"error\">参数错误：需要 redirect_uri、response_type=code、scope=openid / "
					+ "redirect_uri, response_type=code and scope=openid are required</p>");
		}
		if ("true".equals(call.query("deny"))) {
			return Answer.redirect(redirectUri + separator(redirectUri) + "error=access_denied" + stateParameter(state));
		}
		String userid = call.query("userid");
		if (userid != null) {
			FakeApps.Hosted home = home(app, call.query("org"));
			FakeUser user = (home != null) ? home.organization().user(userid).orElse(null) : null;
			if (user == null) {
				return page(400, "<p id=\"error\">未知用户 / unknown user</p>");
			}
			String code = issue(this.codes, new Grant(clientId, home.app().corpId(), user,
					this.state.clock.instant().plus(CODE_VALIDITY)));
			return Answer.redirect(redirectUri + separator(redirectUri) + "authCode=" + encode(code) + "&code="
					+ encode(code) + stateParameter(state));
		}
		return choices(call, app);
	}

	private Answer choices(FakeCall call, FakeApps.Hosted app) {
		StringBuilder page = new StringBuilder();
		page.append("<h1>钉钉登录 / Log in with DingTalk</h1><p>")
			.append(escape(app.name()))
			.append(" 申请获取你的个人信息 / asks for your profile</p><ul>");
		List<FakeApps.Hosted> organizations = new ArrayList<>(List.of(app));
		Set<String> corps = new HashSet<>(Set.of(app.app().corpId()));
		for (FakeApps.Hosted hosted : this.state.apps.all()) {
			if (corps.add(hosted.app().corpId())) {
				organizations.add(hosted);
			}
		}
		for (FakeApps.Hosted hosted : organizations) {
			boolean other = hosted != app;
			for (FakeUser user : hosted.organization().users()) {
				String link = AUTHORIZE + "?" + query(call) + "&userid=" + encode(user.userid())
						+ (other ? "&org=" + encode(hosted.name()) : "");
				page.append("<li><a class=\"user\" data-userid=\"")
					.append(escape(user.userid()))
					.append("\" href=\"")
					.append(escape(link))
					.append("\">")
					.append(escape(user.name()))
					.append(other ? " (其他组织 / another organisation)" : "")
					.append("</a></li>");
			}
		}
		page.append("</ul><p><a id=\"deny\" href=\"")
			.append(escape(AUTHORIZE + "?" + query(call) + "&deny=true"))
			.append("\">拒绝 / Deny</a></p>");
		return page(200, page.toString());
	}

	private FakeApps.@Nullable Hosted home(FakeApps.Hosted app, @Nullable String org) {
		return (org != null) ? this.state.apps.byName(org) : app;
	}

	private Answer userAccessToken(FakeCall call) {
		if (!"POST".equals(call.method())) {
			return Answer.v1Error(405, "MethodNotAllowed", "请使用POST");
		}
		String clientId = call.text("clientId");
		String clientSecret = call.text("clientSecret");
		FakeApps.Hosted app = (clientId != null) ? this.state.apps.byAppKey(clientId) : null;
		if (app == null || !app.app().appSecret().equals(clientSecret)) {
			return Answer.v1Error(400, "invalidClientIdOrSecret", "无效的clientId或者clientSecret");
		}
		if (!"authorization_code".equals(call.text("grantType"))) {
			return Answer.v1Error(400, "invalidParameter.grantType.invalid", "grantType不合法");
		}
		Grant grant = consume(call.text("code"));
		if (grant == null || !grant.clientId().equals(clientId)) {
			return Answer.v1Error(400, "invalidCode", "不合法的临时授权码");
		}
		String accessToken = issue(this.tokens, new Grant(clientId, grant.corpId(), grant.user(),
				this.state.clock.instant().plus(TOKEN_VALIDITY)));
		return Answer.v1Ok(Answer.fields("accessToken", accessToken, "refreshToken", RandomIds.hex(32), "expireIn",
				TOKEN_VALIDITY.toSeconds(), "corpId", grant.corpId()));
	}

	private Answer usersMe(FakeCall call) {
		String token = call.header(NEW_FAMILY_TOKEN_HEADER);
		if (token == null) {
			return Answer.v1Error(400, "AuthenticationFailed.MissingParameter", "缺少参数：" + NEW_FAMILY_TOKEN_HEADER);
		}
		Grant grant;
		synchronized (this.tokens) {
			grant = this.tokens.get(token);
		}
		if (grant == null || !this.state.clock.instant().isBefore(grant.expiresAt())) {
			return Answer.v1Error(400, "InvalidAuthentication", "不合法的access_token");
		}
		FakeUser user = grant.user();
		return Answer.v1Ok(Answer.fields("nick", user.name(), "avatarUrl", user.avatar(), "openId",
				"open-" + user.unionid(), "unionId", user.unionid(), "stateCode", "86"));
	}

	private String issue(Map<String, Grant> into, Grant grant) {
		synchronized (into) {
			Instant now = this.state.clock.instant();
			Iterator<Grant> oldestFirst = into.values().iterator();
			while (oldestFirst.hasNext()) {
				Grant oldest = oldestFirst.next();
				if (now.isBefore(oldest.expiresAt()) && into.size() < MAX_PENDING) {
					break;
				}
				oldestFirst.remove();
			}
			String key = RandomIds.hex(32);
			into.put(key, grant);
			return key;
		}
	}

	private @Nullable Grant consume(@Nullable String code) {
		if (code == null) {
			return null;
		}
		Grant grant;
		synchronized (this.codes) {
			grant = this.codes.remove(code);
		}
		return (grant != null && this.state.clock.instant().isBefore(grant.expiresAt())) ? grant : null;
	}

	private static String query(FakeCall call) {
		StringBuilder query = new StringBuilder();
		for (String name : List.of("redirect_uri", "response_type", "client_id", "scope", "state", "prompt")) {
			String value = call.query(name);
			if (value != null) {
				query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(encode(value));
			}
		}
		return query.toString();
	}

	private static String stateParameter(@Nullable String state) {
		return (state != null) ? "&state=" + encode(state) : "";
	}

	private static String separator(String uri) {
		return uri.contains("?") ? "&" : "?";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String escape(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static Answer page(int status, String body) {
		return Answer.html(status, "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
				+ "<title>钉钉登录 / DingTalk login</title></head><body>" + body + "</body></html>");
	}

	private record Grant(String clientId, String corpId, FakeUser user, Instant expiresAt) {
	}

}
