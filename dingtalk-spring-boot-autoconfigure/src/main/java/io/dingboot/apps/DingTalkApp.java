package io.dingboot.apps;

import io.dingboot.card.CardApi;
import io.dingboot.department.DepartmentApi;
import io.dingboot.http.DingTalkApiClient;
import io.dingboot.http.DingTalkClient;
import io.dingboot.jsapi.JsapiSigner;
import io.dingboot.jsapi.JsapiTicketProvider;
import io.dingboot.media.MediaApi;
import io.dingboot.robot.AppRobotApi;
import io.dingboot.message.WorkNotificationApi;
import io.dingboot.user.UserApi;
import org.jspecify.annotations.Nullable;

/**
 * One DingTalk app of the application, as {@link DingTalkApps} hands it out: its name, the
 * non-secret parts of its settings and the same API the single app has as beans. The API objects
 * are built on first use and are then the same objects on every call; every app calls DingTalk
 * with its own access token.
 */
public interface DingTalkApp {

	/**
	 * The app's name: {@code default} for the top-level {@code dingtalk.*} app, otherwise the
	 * {@code <name>} of {@code dingtalk.apps.<name>} or of a runtime registration.
	 * @return the name
	 */
	String name();

	/**
	 * The AppKey (Client ID), or {@code null} for an app with the legacy credential only.
	 * @return the app key
	 */
	@Nullable String appKey();

	/**
	 * The CorpId of the app's organisation.
	 * @return the corp id, or {@code null} when not set
	 */
	@Nullable String corpId();

	/**
	 * The AgentId, which work notifications and dd.config need.
	 * @return the agent id, or {@code null} when not set
	 */
	@Nullable Long agentId();

	/**
	 * The RobotCode of the app's robot.
	 * @return the robot code, or {@code null} when not set
	 */
	@Nullable String robotCode();

	/**
	 * The generic client of the legacy server API ({@code oapi.dingtalk.com}, the app's
	 * {@code base-url}), for any call the API groups do not cover.
	 * @return the client, with this app's token in the query
	 */
	DingTalkClient client();

	/**
	 * The client of the v1.0 family ({@code api.dingtalk.com}, the app's {@code api-base-url}), for
	 * any v1.0 call: the token in the header {@code x-acs-dingtalk-access-token}, camelCase JSON,
	 * errors as {@link io.dingboot.DingTalkApiException}s with the v1.0 {@code code} and HTTP status.
	 * The same access token as {@link #client()}.
	 * @return the v1.0 client, with this app's token
	 */
	DingTalkApiClient apiClient();

	/**
	 * The app's robot (应用机器人): one-to-one and group send, recall, read status and file
	 * download, with the app's {@link #robotCode()} unless a call names another.
	 * @return the app robot API, over {@link #apiClient()}
	 */
	AppRobotApi robot();

	/**
	 * Interactive and AI cards sent as this app: create and deliver, update, streaming.
	 * @return the card API, over {@link #apiClient()}
	 */
	CardApi cards();

	/**
	 * Users of this app's organisation.
	 * @return the user API
	 */
	UserApi users();

	/**
	 * Departments of this app's organisation.
	 * @return the department API
	 */
	DepartmentApi departments();

	/**
	 * Work notifications sent as this app, with its agent id by default.
	 * @return the work notification API
	 */
	WorkNotificationApi workNotifications();

	/**
	 * Media upload.
	 * @return the media API
	 */
	MediaApi media();

	/**
	 * This app's JSAPI ticket.
	 * @return the ticket provider
	 */
	JsapiTicketProvider jsapiTickets();

	/**
	 * The dd.config signer with this app's corp id, agent id and ticket.
	 * @return the signer
	 */
	JsapiSigner jsapiSigner();

}
