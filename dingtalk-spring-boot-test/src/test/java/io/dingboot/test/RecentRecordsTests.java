package io.dingboot.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecentRecordsTests {

	@Test
	void belowCapacityKeepsEverythingInOrder() {
		RecentRecords<Integer> records = new RecentRecords<>(40);
		for (int i = 1; i <= 20; i++) {
			assertThat(records.add(i)).isNull();
		}
		assertThat(records.all()).hasSize(20).startsWith(1, 2).endsWith(19, 20);
		assertThat(records.size()).isEqualTo(20);
		assertThat(records.dropped()).isZero();
		assertThat(records.total()).isEqualTo(20);
	}

	@Test
	void beyondCapacityDropsTheOldestAndCountsThem() {
		RecentRecords<Integer> records = new RecentRecords<>(3);
		records.add(1);
		records.add(2);
		records.add(3);
		assertThat(records.add(4)).isEqualTo(1);
		assertThat(records.add(5)).isEqualTo(2);
		assertThat(records.all()).containsExactly(3, 4, 5);
		assertThat(records.size()).isEqualTo(3);
		assertThat(records.dropped()).isEqualTo(2);
		assertThat(records.total()).isEqualTo(5);
	}

	@Test
	void sizeStaysAtCapacityHoweverManyArrive() {
		RecentRecords<Integer> records = new RecentRecords<>(100);
		for (int i = 0; i < 100_000; i++) {
			records.add(i);
		}
		assertThat(records.size()).isEqualTo(100);
		assertThat(records.dropped()).isEqualTo(99_900);
		assertThat(records.all()).hasSize(100).startsWith(99_900).endsWith(99_999);
	}

	@Test
	void latestCopiesOnlyTheNewestNewestFirst() {
		RecentRecords<Integer> records = new RecentRecords<>(4);
		for (int i = 1; i <= 6; i++) {
			records.add(i);
		}
		assertThat(records.latest(2)).containsExactly(6, 5);
		assertThat(records.latest(10)).containsExactly(6, 5, 4, 3);
		assertThat(records.latest(0)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> records.latest(-1));
	}

	@Test
	void replaceFirstChangesTheRecordInPlace() {
		RecentRecords<String> records = new RecentRecords<>(2);
		records.add("a");
		records.add("b");
		records.add("c");
		assertThat(records.replaceFirst("c"::equals, (old) -> old + "!")).isTrue();
		assertThat(records.replaceFirst("a"::equals, (old) -> old + "!")).isFalse();
		assertThat(records.all()).containsExactly("b", "c!");
	}

	@Test
	void clearForgetsRecordsAndCounts() {
		RecentRecords<Integer> records = new RecentRecords<>(2);
		records.add(1);
		records.add(2);
		records.add(3);
		records.clear();
		assertThat(records.all()).isEmpty();
		assertThat(records.dropped()).isZero();
		records.add(7);
		assertThat(records.all()).containsExactly(7);
	}

	@Test
	void capacityBelowOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecentRecords<>(0))
			.withMessage("capacity must be >= 1, got 0");
	}

}
