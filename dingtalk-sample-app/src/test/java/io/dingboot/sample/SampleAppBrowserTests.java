package io.dingboot.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import io.dingboot.test.FakeDingTalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Drives the sample's page in demo mode in a real headless Chromium (the Debian packages
 * {@code chromium} and {@code chromium-driver}): pick a demo user, log in, send a text
 * notification and see FakeDingTalk record it; simulate a contact event and see it in the log.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.max-backoff=50ms" })
class SampleAppBrowserTests {

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	FakeDingTalk fake;

	private Path profile;

	private WebDriver driver;

	@BeforeAll
	static void chromiumIsInstalled() {
		for (String executable : new String[] { CHROMIUM, CHROMEDRIVER }) {
			if (!Files.isExecutable(Path.of(executable))) {
				fail(executable + " is missing: run `bash scripts/test.sh`, which installs the Debian packages "
						+ "chromium and chromium-driver");
			}
		}
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
	}

	@BeforeEach
	void openBrowser() throws IOException {
		this.fake.resetJournal();
		this.profile = Files.createTempDirectory("sample-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run",
				"--window-size=1280,1000", "--lang=zh-CN", "--user-data-dir=" + this.profile);
		// a service of its own per browser: quitting the driver stops its service
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	@AfterEach
	void quitBrowser() throws IOException {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile);
		}
	}

	@Test
	void pickDemoUserLogInSendTextNotificationAndTheFakeRecordsIt() {
		WebDriverWait wait = new WebDriverWait(this.driver, WAIT);
		this.driver.get("http://localhost:" + this.port + "/");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#user-picker option[value='zhangsan']")));
		new Select(this.driver.findElement(By.id("user-picker"))).selectByValue("zhangsan");
		this.driver.findElement(By.id("login-button")).click();
		wait.until(ExpectedConditions.textToBe(By.id("me-name"), "张三"));
		assertThat(this.driver.findElement(By.id("me-departments")).getText()).contains("研发部");

		String text = "浏览器测试：周会改到下午三点 " + System.nanoTime();
		WebElement receivers = this.driver.findElement(By.id("notify-users"));
		receivers.clear();
		receivers.sendKeys("zhangsan");
		new Select(this.driver.findElement(By.id("notify-type"))).selectByValue("text");
		this.driver.findElement(By.id("notify-text")).sendKeys(text);
		this.driver.findElement(By.id("notify-send")).click();
		wait.until(ExpectedConditions.textMatches(By.id("notify-result"), java.util.regex.Pattern.compile("task_id \\d+")));

		assertThat(this.fake.sentMessagesTo("zhangsan")).singleElement().satisfies((message) -> {
			assertThat(message.msgType()).isEqualTo("text");
			assertThat(message.text()).isEqualTo(text);
			assertThat(message.recipients()).containsExactly("zhangsan");
		});
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox-list"), text));
		screenshot("sample-app.png");
	}

	@Test
	void simulatedContactEventShowsInTheEventLog() {
		WebDriverWait wait = new WebDriverWait(this.driver, WAIT);
		this.driver.get("http://localhost:" + this.port + "/");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#user-picker option[value='lisi']")));
		new Select(this.driver.findElement(By.id("user-picker"))).selectByValue("lisi");
		this.driver.findElement(By.id("login-button")).click();
		wait.until(ExpectedConditions.textToBe(By.id("me-name"), "李四"));
		wait.until(ExpectedConditions.elementToBeClickable(By.id("simulate-event"))).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-list"), "user_add_org"));
		screenshot("sample-app-events.png");
	}

	private void screenshot(String name) {
		File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
		try {
			Path target = Path.of("target");
			Files.createDirectories(target);
			Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
