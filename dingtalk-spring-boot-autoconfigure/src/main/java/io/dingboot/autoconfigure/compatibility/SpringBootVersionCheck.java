package io.dingboot.autoconfigure.compatibility;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Stops the startup of an application on a Spring Boot line older than 4.0, before any bean is
 * registered, with an {@link UnsupportedSpringBootVersionException} that names the version found.
 * Without it such an application fails later with an error that does not mention DingBoot. Does
 * nothing on Spring Boot 4.0 or later, or when the version cannot be read (an unpacked or
 * repackaged Spring Boot without its manifest).
 * <p>
 * Registered in {@code META-INF/spring.factories}, which Spring Boot 3 reads as well, and uses only
 * APIs present in both lines.
 */
final class SpringBootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	static final int REQUIRED_MAJOR_VERSION = 4;

	private final Supplier<@Nullable String> version;

	SpringBootVersionCheck() {
		this(SpringBootVersion::getVersion);
	}

	SpringBootVersionCheck(Supplier<@Nullable String> version) {
		this.version = version;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		@Nullable String found = this.version.get();
		int major = majorVersion(found);
		if (major >= 0 && major < REQUIRED_MAJOR_VERSION) {
			throw new UnsupportedSpringBootVersionException(found);
		}
	}

	private static int majorVersion(@Nullable String version) {
		if (version == null) {
			return -1;
		}
		int end = 0;
		while (end < version.length() && Character.isDigit(version.charAt(end))) {
			end++;
		}
		if (end == 0 || end > 4) {
			return -1;
		}
		return Integer.parseInt(version.substring(0, end));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
