package io.dingboot.test;

import java.util.List;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

/**
 * Keeps WireMock from reading or writing mapping files: the fake's stubs live in code.
 */
final class NoMappings implements MappingsSource {

	@Override
	public void loadMappingsInto(StubMappings stubMappings) {
	}

	@Override
	public void save(List<StubMapping> stubMappings) {
	}

	@Override
	public void save(StubMapping stubMapping) {
	}

	@Override
	public void remove(StubMapping stubMapping) {
	}

	@Override
	public void removeAll() {
	}

}
