package io.dingboot.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * The DingBoot sample micro-app. Without credentials it runs in demo mode on an in-process
 * FakeDingTalk (see {@link io.dingboot.sample.demo.DemoModeInitializer}); with the
 * {@code DINGTALK_*} environment variables set it talks to DingTalk. DingTalk free login is the
 * only way in, so Boot's generated in-memory user is left out.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
