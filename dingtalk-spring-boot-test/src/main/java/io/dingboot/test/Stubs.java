package io.dingboot.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The answers given with {@link FakeDingTalk#stub(String, String)}, by method and path. A stub for
 * one method wins over a stub for any method.
 */
final class Stubs {

	private final Map<String, Stub> stubs = new ConcurrentHashMap<>();

	void put(String method, String path, Stub stub) {
		this.stubs.put(key(method, path), stub);
	}

	@Nullable Stub find(String method, String path) {
		if (this.stubs.isEmpty()) {
			return null;
		}
		Stub stub = this.stubs.get(key(method, path));
		return (stub != null) ? stub : this.stubs.get(key(FakeStub.ANY_METHOD, path));
	}

	boolean remove(String method, String path) {
		return this.stubs.remove(key(method, path)) != null;
	}

	void clear() {
		this.stubs.clear();
	}

	private static String key(String method, String path) {
		return method + " " + path;
	}

	/**
	 * What a stub answers to a call whose access token was checked.
	 */
	@FunctionalInterface
	interface Stub {

		Answer answer(FakeCall call, @Nullable StubbedCall recorded);

	}

}
