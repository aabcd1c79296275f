package io.dingboot.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.fail;

/**
 * A headless Chromium of the Debian packages {@code chromium} and {@code chromium-driver}, with a
 * profile and a driver service of its own, for the sample's browser tests. An English browser: the
 * page still shows 24-hour times as read in China.
 */
final class HeadlessChromium implements AutoCloseable {

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private final Path profile;

	private final WebDriver driver;

	private HeadlessChromium(Path profile, WebDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	/**
	 * Fail at once, saying how to install them, when Chromium or its driver is missing.
	 */
	static void requireInstalled() {
		for (String executable : new String[] { CHROMIUM, CHROMEDRIVER }) {
			if (!Files.isExecutable(Path.of(executable))) {
				fail(executable + " is missing: run `bash scripts/test.sh`, which installs the Debian packages "
						+ "chromium and chromium-driver");
			}
		}
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
	}

	/**
	 * Start a browser with a fresh profile.
	 * @param name names the profile's temporary directory
	 * @return the browser
	 */
	static HeadlessChromium start(String name) {
		Path profile;
		try {
			profile = Files.createTempDirectory(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run",
				"--window-size=1280,1300", "--lang=en-US", "--user-data-dir=" + profile);
		// a service of its own per browser: quitting the driver stops its service
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		return new HeadlessChromium(profile, new ChromeDriver(service, options));
	}

	WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

}
