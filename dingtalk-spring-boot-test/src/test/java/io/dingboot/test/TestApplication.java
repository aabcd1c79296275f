package io.dingboot.test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The application the kit's {@code @SpringBootTest}s start: the starter's auto-configuration and
 * one controller of the application's own ({@link ProfileController}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ProfileController.class)
class TestApplication {

}
