package io.dingboot.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthCodesTests {

	private final MutableClock clock = new MutableClock();

	private final AuthCodes codes = new AuthCodes(this.clock);

	@Test
	void codeIsValidOnceWithinFiveMinutes() {
		String code = this.codes.issue("zhangsan");
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.codes.consume(code)).isEqualTo("zhangsan");
		assertThat(this.codes.consume(code)).isNull();
		String late = this.codes.issue("lisi");
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.codes.consume(late)).isNull();
	}

	@Test
	void unusedCodesAreForgottenOnceExpired() {
		for (int i = 0; i < 50; i++) {
			this.codes.issue("zhangsan");
		}
		assertThat(this.codes.pending()).isEqualTo(50);
		this.clock.advance(Duration.ofMinutes(6));
		String fresh = this.codes.issue("lisi");
		assertThat(this.codes.pending()).isEqualTo(1);
		assertThat(this.codes.consume(fresh)).isEqualTo("lisi");
	}

	@Test
	void pendingCodesStayBoundedAndTheOldestGoesFirst() {
		String first = this.codes.issue("zhangsan");
		String last = null;
		for (int i = 0; i < AuthCodes.MAX_PENDING + 500; i++) {
			last = this.codes.issue("lisi");
		}
		assertThat(this.codes.pending()).isEqualTo(AuthCodes.MAX_PENDING);
		assertThat(this.codes.consume(first)).isNull();
		assertThat(this.codes.consume(last)).isEqualTo("lisi");
	}

}
