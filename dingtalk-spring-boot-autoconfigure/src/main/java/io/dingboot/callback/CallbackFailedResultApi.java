package io.dingboot.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.dingboot.DingTalkApiException;
import io.dingboot.apps.DingTalkApps;
import io.dingboot.callback.CallbackOutcome.Status;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;
import tools.jackson.databind.JsonNode;

/**
 * Recovers pushes DingTalk failed to deliver ({@code GET /call_back/get_call_back_failed_result}),
 * and replays them through the same listeners and deduplication as live pushes:
 * <pre class="code">
 * ReplayResult result = failedResultApi.replayFailed();
 * </pre>
 * The bean is the app {@code default}'s; every app's, by name, comes from
 * {@link CallbackFailedResultApis#forApp(String)}.
 * DingTalk removes the failed pushes it returns (at most 200 per call), so a failed push whose
 * listener throws during a replay is handed back in {@link ReplayResult#failed()}. Fetching needs
 * only credentials; replaying needs {@code dingtalk.callback.enabled=true}, whose dispatcher it goes
 * through, and otherwise throws {@link IllegalStateException} before anything is fetched.
 */
public final class CallbackFailedResultApi {

	static final String PATH = "/call_back/get_call_back_failed_result";

	private static final Logger logger = LoggerFactory.getLogger(CallbackFailedResultApi.class);

	private static final int MAX_PAGES = 50;

	private final String appName;

	private final DingTalkClient client;

	private final @Nullable CallbackDispatcher dispatcher;

	/**
	 * Create a client of the app named {@code default}.
	 * @param client the DingTalk client
	 * @param dispatcher what replays go through (the listeners and deduplication of live pushes), or
	 * {@code null} when callbacks are not enabled: then {@link #fetch()} works and replaying throws
	 */
	public CallbackFailedResultApi(DingTalkClient client, @Nullable CallbackDispatcher dispatcher) {
		this(DingTalkApps.DEFAULT, client, dispatcher);
	}

	/**
	 * Create a client of one app: it fetches with that app's token, and replayed events carry the
	 * app's name and are deduplicated with that app's live pushes.
	 * @param appName the app's name
	 * @param client the app's DingTalk client
	 * @param dispatcher what replays go through (the listeners and deduplication of live pushes), or
	 * {@code null} when callbacks are not enabled: then {@link #fetch()} works and replaying throws
	 */
	public CallbackFailedResultApi(String appName, DingTalkClient client, @Nullable CallbackDispatcher dispatcher) {
		Assert.hasText(appName, "'appName' must not be empty");
		Assert.notNull(client, "'client' must not be null");
		this.appName = appName;
		this.client = client;
		this.dispatcher = dispatcher;
	}

	/**
	 * The name of the app whose failed pushes this client fetches.
	 * @return the app's name
	 */
	public String appName() {
		return this.appName;
	}

	/**
	 * Fetch one page of failed pushes; DingTalk no longer lists them afterwards.
	 * @return the page
	 * @throws DingTalkApiException when the call fails
	 */
	public FailedCallbacks fetch() {
		JsonNode answer = this.client.execute(DingTalkRequest.get(PATH).idempotent(false).build());
		JsonNode list = answer.get("failed_list");
		List<FailedCallback> failed = new ArrayList<>();
		if (list != null && list.isArray()) {
			for (JsonNode entry : list) {
				if (entry.isObject()) {
					failed.add(FailedCallback.of(entry));
				}
			}
		}
		JsonNode hasMore = answer.get("has_more");
		return new FailedCallbacks(hasMore != null && hasMore.asBoolean(false), failed);
	}

	/**
	 * Fetch every failed push (up to 50 pages) and publish each through the listeners, skipping
	 * those delivered already.
	 * @return what was delivered, and the pushes whose listeners failed
	 * @throws DingTalkApiException when a fetch fails (pushes of earlier pages are replayed)
	 */
	public ReplayResult replayFailed() {
		dispatcher();
		int delivered = 0;
		int duplicates = 0;
		List<FailedCallback> failed = new ArrayList<>();
		boolean hasMore = true;
		for (int page = 0; page < MAX_PAGES && hasMore; page++) {
			FailedCallbacks callbacks = fetch();
			hasMore = callbacks.hasMore();
			for (FailedCallback callback : callbacks.failedList()) {
				Status status = replay(callback);
				switch (status) {
					case DELIVERED -> delivered++;
					case DUPLICATE, URL_CHECK -> duplicates++;
					default -> failed.add(callback);
				}
			}
		}
		return new ReplayResult(delivered, duplicates, failed, hasMore);
	}

	/**
	 * Publish one failed push through the listeners, unless it was delivered already.
	 * @param callback the failed push
	 * @return what happened; {@link Status#REJECTED} when the entry has no event type
	 */
	public Status replay(FailedCallback callback) {
		CallbackDispatcher dispatcher = dispatcher();
		if (callback.callBackTag().isEmpty()) {
			logger.warn("Skipping a failed DingTalk push without call_back_tag");
			dispatcher.rejected(this.appName, CallbackRejection.MALFORMED_REQUEST, null);
			return Status.REJECTED;
		}
		return dispatcher.dispatch(this.appName, callback.toEventPayload(), null,
				"failed:" + sha1(callback.raw().toString()));
	}

	private CallbackDispatcher dispatcher() {
		if (this.dispatcher == null) {
			throw new IllegalStateException("Replaying failed DingTalk pushes publishes them through the callback "
					+ "listeners: set dingtalk.callback.enabled=true (with .token and .aes-key), or only fetch()");
		}
		return this.dispatcher;
	}

	private static String sha1(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
