package io.dingboot.test;

import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests that call the fake of their class's {@link FakeDingTalkExtension} over HTTP share:
 * before each test (after the extension has reset the fake), the fake and a {@link FakeHttp} client
 * that holds a fresh access token.
 */
abstract class FakeHttpTestSupport {

	FakeDingTalk fake;

	FakeHttp http;

	@BeforeEach
	void connect(FakeDingTalk fake) {
		this.fake = fake;
		this.http = new FakeHttp(fake);
		this.http.renewAccessToken();
	}

}
