package io.dingboot.test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything a running fake remembers: the organisation, tokens, codes, what was sent and uploaded,
 * the journal and the planned faults. The endpoint groups share one instance.
 */
final class FakeState {

	final FakeOrganization organization;

	final Clock clock;

	final TokenRegistry tokens;

	final AuthCodes authCodes;

	final Journal journal = new Journal();

	final FaultPlan faults = new FaultPlan();

	private final Map<Long, SentMessage> messages = new LinkedHashMap<>();

	private final AtomicLong taskIds = new AtomicLong(256271667500L);

	final List<UploadedMedia> media = new CopyOnWriteArrayList<>();

	private final List<Map<String, Object>> failedCallbacks = new ArrayList<>();

	FakeState(FakeOrganization organization, Clock clock, Duration tokenLifetime) {
		this.organization = organization;
		this.clock = clock;
		this.tokens = new TokenRegistry(clock, tokenLifetime);
		this.authCodes = new AuthCodes(clock);
	}

	long nextTaskId() {
		return this.taskIds.incrementAndGet();
	}

	synchronized void addMessage(SentMessage message) {
		this.messages.put(message.taskId(), message);
	}

	synchronized SentMessage message(long taskId) {
		return this.messages.get(taskId);
	}

	synchronized boolean recall(long taskId) {
		SentMessage message = this.messages.get(taskId);
		if (message == null) {
			return false;
		}
		this.messages.put(taskId, message.recall());
		return true;
	}

	synchronized List<SentMessage> messages() {
		return List.copyOf(this.messages.values());
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
		this.messages.clear();
		this.media.clear();
	}

	synchronized void reset() {
		clearJournal();
		this.faults.clear();
		this.tokens.expireAll();
		this.authCodes.clear();
		this.failedCallbacks.clear();
	}

}
