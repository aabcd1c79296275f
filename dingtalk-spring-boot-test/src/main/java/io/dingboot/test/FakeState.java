package io.dingboot.test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything a running fake remembers: the organisation, tokens, codes, what was sent and uploaded,
 * the journal and the planned faults. The endpoint groups share one instance. Sent messages,
 * uploaded media and calls to stubbed endpoints are kept up to the record capacity each; the
 * oldest are dropped beyond it, and counted.
 */
final class FakeState {

	/** The organisation of the app {@value FakeDingTalk#DEFAULT_APP}. */
	final FakeOrganization organization;

	final FakeApps apps;

	final Clock clock;

	final TokenRegistry tokens;

	final AuthCodes authCodes;

	final Journal journal = new Journal();

	final FaultPlan faults = new FaultPlan();

	final Stubs stubs = new Stubs();

	private final RecentRecords<SentMessage> messages;

	private final Map<Long, SentMessage> messagesByTask = new HashMap<>();

	private final AtomicLong taskIds = new AtomicLong(256271667500L);

	private final RecentRecords<UploadedMedia> media;

	private final RecentRecords<StubbedCall> stubbedCalls;

	private final List<Map<String, Object>> failedCallbacks = new ArrayList<>();

	private final Map<String, Integer> gettokenCalls = new HashMap<>();

	FakeState(FakeOrganization organization, Clock clock, Duration tokenLifetime, int recordCapacity) {
		this.organization = organization;
		this.apps = new FakeApps(organization);
		this.messages = new RecentRecords<>(recordCapacity);
		this.media = new RecentRecords<>(recordCapacity);
		this.stubbedCalls = new RecentRecords<>(recordCapacity);
		this.clock = clock;
		this.tokens = new TokenRegistry(clock, tokenLifetime);
		this.authCodes = new AuthCodes(clock);
	}

	/**
	 * The app whose access token came with a call: {@code access_token} in the query, or the new
	 * family's token header.
	 * @param call the call
	 * @return the app, or the app {@value FakeDingTalk#DEFAULT_APP} when the token is not known
	 */
	FakeApps.Hosted appOf(FakeCall call) {
		String token = call.text("access_token");
		if (token == null) {
			token = call.header(EndpointGroup.NEW_FAMILY_TOKEN_HEADER);
		}
		FakeApps.Hosted hosted = (token != null) ? this.apps.ofCredential(this.tokens.credentialOf(token)) : null;
		return (hosted != null) ? hosted : this.apps.byName(FakeDingTalk.DEFAULT_APP);
	}

	/**
	 * The organisation of the app whose access token came with a call.
	 * @param call the call
	 * @return the organisation
	 */
	FakeOrganization organizationOf(FakeCall call) {
		return appOf(call).organization();
	}

	synchronized void countGettoken(String app) {
		this.gettokenCalls.merge(app, 1, Integer::sum);
	}

	synchronized int gettokenCount(String app) {
		return this.gettokenCalls.getOrDefault(app, 0);
	}

	long nextTaskId() {
		return this.taskIds.incrementAndGet();
	}

	synchronized void addMessage(SentMessage message) {
		SentMessage dropped = this.messages.add(message);
		if (dropped != null) {
			this.messagesByTask.remove(dropped.taskId());
		}
		this.messagesByTask.put(message.taskId(), message);
	}

	synchronized SentMessage message(long taskId) {
		return this.messagesByTask.get(taskId);
	}

	synchronized boolean recall(long taskId) {
		SentMessage message = this.messagesByTask.get(taskId);
		if (message == null) {
			return false;
		}
		SentMessage recalled = message.recall();
		this.messagesByTask.put(taskId, recalled);
		this.messages.replaceFirst((kept) -> kept.taskId() == taskId, (kept) -> recalled);
		return true;
	}

	synchronized List<SentMessage> messages() {
		return this.messages.all();
	}

	synchronized List<SentMessage> latestMessages(int max) {
		return this.messages.latest(max);
	}

	synchronized RecordCount messageCount() {
		return new RecordCount(this.messages.total(), this.messages.size(), this.messages.dropped());
	}

	synchronized void addMedia(UploadedMedia uploaded) {
		this.media.add(uploaded);
	}

	synchronized List<UploadedMedia> media() {
		return this.media.all();
	}

	synchronized RecordCount mediaCount() {
		return new RecordCount(this.media.total(), this.media.size(), this.media.dropped());
	}

	synchronized void addStubbedCall(StubbedCall call) {
		this.stubbedCalls.add(call);
	}

	synchronized List<StubbedCall> stubbedCalls() {
		return this.stubbedCalls.all();
	}

	synchronized RecordCount stubbedCallCount() {
		return new RecordCount(this.stubbedCalls.total(), this.stubbedCalls.size(), this.stubbedCalls.dropped());
	}

	int recordCapacity() {
		return this.messages.capacity();
	}

	synchronized void setFailedCallbacks(List<Map<String, Object>> failed) {
		this.failedCallbacks.clear();
		this.failedCallbacks.addAll(failed);
	}

	/**
	 * Take up to {@code max} failed callbacks; DingTalk forgets what it has answered.
	 * @param max the most to take
	 * @return the callbacks taken
	 */
	synchronized List<Map<String, Object>> takeFailedCallbacks(int max) {
		List<Map<String, Object>> taken = new ArrayList<>(
				this.failedCallbacks.subList(0, Math.min(max, this.failedCallbacks.size())));
		this.failedCallbacks.subList(0, taken.size()).clear();
		return taken;
	}

	synchronized boolean hasFailedCallbacks() {
		return !this.failedCallbacks.isEmpty();
	}

	synchronized void clearJournal() {
		this.journal.clear();
		this.gettokenCalls.clear();
		this.messages.clear();
		this.messagesByTask.clear();
		this.media.clear();
		this.stubbedCalls.clear();
	}

	synchronized void reset() {
		clearJournal();
		this.faults.clear();
		this.stubs.clear();
		this.tokens.expireAll();
		this.authCodes.clear();
		this.failedCallbacks.clear();
	}

}
