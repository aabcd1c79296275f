package io.dingboot.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * The most recent records of one kind, at most {@code capacity} of them: a ring that drops the
 * oldest record when a new one arrives and it is full, and counts what it dropped. Reading the
 * latest few copies only those. Callers synchronise.
 *
 * @param <T> the record type
 */
final class RecentRecords<T> {

	private static final int INITIAL = 16;

	private final int capacity;

	private Object[] ring;

	private int head;

	private int size;

	private long dropped;

	RecentRecords(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
		}
		this.capacity = capacity;
		this.ring = new Object[Math.min(capacity, INITIAL)];
	}

	/**
	 * Keep a record, dropping the oldest when full.
	 * @param record the record
	 * @return the record dropped to make room, or {@code null}
	 */
	@Nullable T add(T record) {
		T evicted = null;
		if (this.size == this.ring.length && this.size < this.capacity) {
			// not yet wrapped: head is 0 and the records are contiguous
			this.ring = Arrays.copyOf(this.ring, (int) Math.min(this.capacity, 2L * this.ring.length));
		}
		int tail = (this.head + this.size) % this.ring.length;
		if (this.size == this.ring.length) {
			evicted = at(0);
			this.head = (this.head + 1) % this.ring.length;
			this.dropped++;
		}
		else {
			this.size++;
		}
		this.ring[tail] = record;
		return evicted;
	}

	/**
	 * Replace the first record that matches.
	 * @param match which record
	 * @param replacement makes the new record from the old one
	 * @return whether a record matched
	 */
	boolean replaceFirst(Predicate<T> match, UnaryOperator<T> replacement) {
		for (int i = 0; i < this.size; i++) {
			T record = at(i);
			if (match.test(record)) {
				this.ring[index(i)] = replacement.apply(record);
				return true;
			}
		}
		return false;
	}

	/**
	 * All kept records, oldest first.
	 * @return a copy
	 */
	List<T> all() {
		List<T> records = new ArrayList<>(this.size);
		for (int i = 0; i < this.size; i++) {
			records.add(at(i));
		}
		return List.copyOf(records);
	}

	/**
	 * The {@code max} most recent records, newest first; copies only those.
	 * @param max how many at most
	 * @return a copy
	 */
	List<T> latest(int max) {
		if (max < 0) {
			throw new IllegalArgumentException("max must be >= 0, got " + max);
		}
		int count = Math.min(max, this.size);
		List<T> records = new ArrayList<>(count);
		for (int i = this.size - 1; i >= this.size - count; i--) {
			records.add(at(i));
		}
		return List.copyOf(records);
	}

	int size() {
		return this.size;
	}

	int capacity() {
		return this.capacity;
	}

	/**
	 * How many records were dropped to make room since the last {@link #clear()}.
	 * @return the count
	 */
	long dropped() {
		return this.dropped;
	}

	/**
	 * How many records arrived since the last {@link #clear()}, kept and dropped.
	 * @return the count
	 */
	long total() {
		return this.size + this.dropped;
	}

	void clear() {
		this.ring = new Object[Math.min(this.capacity, INITIAL)];
		this.head = 0;
		this.size = 0;
		this.dropped = 0;
	}

	private int index(int position) {
		return (this.head + position) % this.ring.length;
	}

	@SuppressWarnings("unchecked")
	private T at(int position) {
		return (T) this.ring[index(position)];
	}

}
