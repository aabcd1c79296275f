package io.dingboot.test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application the kit's {@code @SpringBootTest}s start: the starter's auto-configuration only.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {

}
