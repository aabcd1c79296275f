package io.dingboot.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The DingBoot sample micro-app. Without credentials it runs in demo mode on an in-process
 * FakeDingTalk (see {@link io.dingboot.sample.demo.DemoModeInitializer}); with the
 * {@code DINGTALK_*} environment variables set it talks to DingTalk.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
