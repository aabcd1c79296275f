package io.dingboot.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Turns {@link AutoConfigureFakeDingTalk} into a {@link FakeDingTalkContextCustomizer}.
 */
final class FakeDingTalkContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureFakeDingTalk annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureFakeDingTalk.class);
		if (annotation == null) {
			return null;
		}
		Map<String, String> apps = new LinkedHashMap<>();
		for (AutoConfigureFakeDingTalk.App app : annotation.apps()) {
			if (apps.put(app.name(), app.organization()) != null) {
				throw new IllegalStateException("@AutoConfigureFakeDingTalk lists the app '" + app.name() + "' twice");
			}
		}
		return new FakeDingTalkContextCustomizer(annotation.organization(), annotation.recordCapacity(), apps);
	}

}
