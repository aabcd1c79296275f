package io.dingboot.card;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import io.dingboot.DingTalkApiException;
import org.jspecify.annotations.Nullable;

/**
 * Text streamed into an AI card's Markdown variable. Each {@link #append(CharSequence) chunk} is
 * added to the text so far; the card is sent the whole text ({@code isFull=true}, as DingTalk
 * requires for Markdown) at most at the configured rate: chunks that arrive sooner are sent with a
 * later one. {@link #finish()} sends the whole text with {@code isFinalize=true}; {@link #fail()}
 * shows the card's failed state ({@code isError=true}). Every update carries a fresh {@code guid}.
 * <p>
 * No thread or timer is involved: updates go out on the caller's thread, inside {@code append},
 * {@code finish} and {@code fail}. Text that arrived within the rate limit is sent with the next
 * chunk after the interval, with {@link #flush()}, or with {@code finish}. A stream may be fed
 * from several threads; the updates stay in order.
 */
public final class CardStream {

	private final CardApi cards;

	private final String outTrackId;

	private final String key;

	private final Duration interval;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private final StringBuilder text = new StringBuilder();

	private @Nullable Instant lastUpdate;

	private boolean pending;

	private boolean closed;

	private int updates;

	CardStream(CardApi cards, String outTrackId, String key, Duration interval, Clock clock) {
		this.cards = cards;
		this.outTrackId = outTrackId;
		this.key = key;
		this.interval = interval;
		this.clock = clock;
	}

	/**
	 * Add a chunk to the text; send the whole text now unless the last update was less than the
	 * rate interval ago.
	 * @param chunk the new text
	 * @throws IllegalStateException when the stream was finished or failed
	 * @throws DingTalkApiException when an update fails (the text stays; a later call sends it)
	 */
	public void append(CharSequence chunk) {
		this.lock.lock();
		try {
			checkOpen();
			if (chunk.length() == 0) {
				return;
			}
			this.text.append(chunk);
			this.pending = true;
			Instant now = this.clock.instant();
			if (this.lastUpdate == null || !now.isBefore(this.lastUpdate.plus(this.interval))) {
				send(false, false, this.text.toString(), now);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Send text that arrived within the rate interval now, if the interval has passed since the
	 * last update: for a caller that knows the source paused (a tool call, a slow model) and does
	 * not want the text to wait for the next chunk.
	 * @return whether an update went out
	 * @throws IllegalStateException when the stream was finished or failed
	 * @throws DingTalkApiException when the update fails
	 */
	public boolean flush() {
		this.lock.lock();
		try {
			checkOpen();
			Instant now = this.clock.instant();
			if (!this.pending || (this.lastUpdate != null && now.isBefore(this.lastUpdate.plus(this.interval)))) {
				return false;
			}
			send(false, false, this.text.toString(), now);
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Send the whole text as the final update ({@code isFinalize=true}): the card shows it as done.
	 * @throws IllegalStateException when the stream was finished or failed
	 * @throws DingTalkApiException when the update fails (the stream stays open: try again or
	 * {@link #fail()})
	 */
	public void finish() {
		this.lock.lock();
		try {
			checkOpen();
			send(true, false, this.text.toString(), this.clock.instant());
			this.closed = true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Show the card's failed state ({@code isError=true}) with empty content, as DingTalk's own
	 * samples do.
	 * @throws DingTalkApiException when the update fails
	 */
	public void fail() {
		fail("");
	}

	/**
	 * Show the card's failed state ({@code isError=true}) with {@code message} as the content.
	 * @param message what to show, e.g. "生成失败，请重试"
	 * @throws IllegalStateException when the stream was finished or failed
	 * @throws DingTalkApiException when the update fails
	 */
	public void fail(String message) {
		this.lock.lock();
		try {
			checkOpen();
			this.closed = true;
			send(false, true, message, this.clock.instant());
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The text so far.
	 * @return the text
	 */
	public String text() {
		this.lock.lock();
		try {
			return this.text.toString();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * How many updates went out so far.
	 * @return the count
	 */
	public int updates() {
		this.lock.lock();
		try {
			return this.updates;
		}
		finally {
			this.lock.unlock();
		}
	}

	public String outTrackId() {
		return this.outTrackId;
	}

	private void checkOpen() {
		if (this.closed) {
			throw new IllegalStateException("The stream of card " + this.outTrackId + " was finished or failed already");
		}
	}

	private void send(boolean finalize, boolean error, String content, Instant now) {
		this.lastUpdate = now;
		this.cards.streamingUpdate(this.outTrackId, this.key, content, true, finalize, error);
		this.updates++;
		this.pending = false;
	}

	@Override
	public String toString() {
		return "CardStream{" + this.outTrackId + ", key=" + this.key + ", " + this.updates + " update(s)"
				+ (this.pending ? ", text pending" : "") + (this.closed ? ", closed" : "") + "}";
	}

}
