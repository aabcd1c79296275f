package io.dingboot.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a {@link FakeDingTalk} for plain tests:
 * <pre class="code">
 * &#64;RegisterExtension
 * static FakeDingTalkExtension dingTalk = new FakeDingTalkExtension(FakeOrganization.demo());
 * </pre>
 * Registered on a static field the fake runs once for the test class; on an instance field, once
 * per test. Either way the fake is {@link FakeDingTalk#reset() reset} after each test, and test
 * methods may take a {@code FakeDingTalk} parameter.
 */
public final class FakeDingTalkExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private final FakeDingTalk.Builder builder;

	private @Nullable FakeDingTalk fake;

	private boolean perClass;

	/**
	 * An extension for the {@link FakeOrganization#demo() demo organisation}.
	 */
	public FakeDingTalkExtension() {
		this(FakeDingTalk.builder());
	}

	/**
	 * An extension for an organisation.
	 * @param organization the organisation
	 */
	public FakeDingTalkExtension(FakeOrganization organization) {
		this(FakeDingTalk.builder().organization(organization));
	}

	/**
	 * An extension for a configured fake (token lifetime, clock...).
	 * @param builder the fake's builder
	 */
	public FakeDingTalkExtension(FakeDingTalk.Builder builder) {
		this.builder = builder;
	}

	/**
	 * The running fake.
	 * @return the fake
	 */
	public FakeDingTalk get() {
		if (this.fake == null) {
			throw new IllegalStateException("FakeDingTalk runs only while a test runs");
		}
		return this.fake;
	}

	/**
	 * The URL to set as {@code dingtalk.base-url}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return get().baseUrl();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.perClass = true;
		this.fake = this.builder.build().start();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.fake == null) {
			this.fake = this.builder.build().start();
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.perClass) {
			this.fake.reset();
		}
		else {
			stop();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	private void stop() {
		if (this.fake != null) {
			this.fake.close();
			this.fake = null;
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == FakeDingTalk.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return get();
	}

}
