package io.dingboot.test;

import java.util.List;

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
		return (annotation != null) ? new FakeDingTalkContextCustomizer(annotation.organization(),
				annotation.recordCapacity()) : null;
	}

}
