package io.dingboot.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class FakeDingTalkExtensionTests {

	@RegisterExtension
	final FakeDingTalkExtension dingTalk = new FakeDingTalkExtension(FakeOrganization.demo());

	@Test
	void instanceFieldRunsAFakeForTheTestAndResolvesItAsParameter(FakeDingTalk fake) {
		assertThat(fake).isSameAs(this.dingTalk.get());
		assertThat(fake.isRunning()).isTrue();
		assertThat(this.dingTalk.baseUrl()).isEqualTo("http://127.0.0.1:" + fake.port());
		new FakeHttp(fake).token();
		assertThat(fake.gettokenCount()).isEqualTo(1);
	}

}
