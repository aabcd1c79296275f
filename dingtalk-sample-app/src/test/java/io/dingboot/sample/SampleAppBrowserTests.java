package io.dingboot.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.dingboot.test.FakeDingTalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the sample's page in demo mode in a real headless Chromium (the Debian packages
 * {@code chromium} and {@code chromium-driver}): pick a demo user, log in (the 免登 button then
 * gives way to 退出), browse from the root department under its own name, send a text and a
 * markdown notification and see FakeDingTalk record them and the inbox render the markdown with
 * 24-hour times, see a call DingTalk refuses explained in Chinese and English within its card;
 * simulate a contact event and see it in the log.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.max-backoff=50ms" })
class SampleAppBrowserTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Pattern TIME_24H = Pattern.compile("\\d{2}:\\d{2}:\\d{2}");

	private static final String SEND = "/topapi/message/corpconversation/asyncsend_v2";

	@LocalServerPort
	int port;

	@Autowired
	FakeDingTalk fake;

	private HeadlessChromium browser;

	private WebDriver driver;

	@BeforeAll
	static void chromiumIsInstalled() {
		HeadlessChromium.requireInstalled();
	}

	@BeforeEach
	void openBrowser() {
		this.fake.resetJournal();
		this.browser = HeadlessChromium.start("sample-chromium");
		this.driver = this.browser.driver();
	}

	@AfterEach
	void quitBrowser() {
		if (this.browser != null) {
			this.browser.close();
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
		assertThat(this.driver.findElement(By.id("login-button")).isDisplayed()).isFalse();
		assertThat(this.driver.findElement(By.id("user-picker")).isDisplayed()).isFalse();
		assertThat(this.driver.findElement(By.id("logout-button")).isDisplayed()).isTrue();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#dept-children li"), "研发部"));
		assertThat(this.driver.findElement(By.id("dept-path")).getText()).isEqualTo("总部");

		String text = "浏览器测试：周会改到下午三点 " + System.nanoTime();
		WebElement receivers = this.driver.findElement(By.id("notify-users"));
		receivers.clear();
		receivers.sendKeys("zhangsan");
		new Select(this.driver.findElement(By.id("notify-type"))).selectByValue("text");
		this.driver.findElement(By.id("notify-text")).sendKeys(text);
		this.driver.findElement(By.id("notify-send")).click();
		wait.until(ExpectedConditions.textMatches(By.id("notify-result"), Pattern.compile("task_id \\d+")));

		assertThat(this.fake.sentMessagesTo("zhangsan")).singleElement().satisfies((message) -> {
			assertThat(message.msgType()).isEqualTo("text");
			assertThat(message.text()).isEqualTo(text);
			assertThat(message.recipients()).containsExactly("zhangsan");
		});
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox-list"), text));
		assertTimesAre24Hour("#inbox-list .msg-time");

		sendMarkdown(wait, "周报", "## 本周进展\n**DingBoot** 已上线，*欢迎试用*\n- 免登\n- 工作通知\n"
				+ "[文档](https://open.dingtalk.com) <img src=x onerror=alert(1)>");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox-list li:first-child .markdown")));
		// read in one script: the page redraws the inbox when it polls
		Map<?, ?> markdown = (Map<?, ?>) script("""
				const markdown = document.querySelector('#inbox-list li:first-child .markdown');
				const text = (selector) => [...markdown.querySelectorAll(selector)].map((node) => node.textContent);
				return { h2: text('h2'), strong: text('strong'), em: text('em'), items: text('ul > li'),
					links: [...markdown.querySelectorAll('a')].map((a) => a.textContent + ' ' + a.href + ' ' + a.rel),
					images: markdown.querySelectorAll('img').length, scripts: markdown.querySelectorAll('script').length,
					text: markdown.textContent };
				""");
		assertThat(markdown.get("h2")).isEqualTo(List.of("本周进展"));
		assertThat(markdown.get("strong")).isEqualTo(List.of("DingBoot"));
		assertThat(markdown.get("em")).isEqualTo(List.of("欢迎试用"));
		assertThat(markdown.get("items")).isEqualTo(List.of("免登", "工作通知"));
		assertThat(markdown.get("links")).isEqualTo(List.of("文档 https://open.dingtalk.com/ noopener noreferrer"));
		assertThat(markdown.get("images")).isEqualTo(0L);
		assertThat(markdown.get("scripts")).isEqualTo(0L);
		assertThat((String) markdown.get("text")).contains("<img src=x onerror=alert(1)>");
		assertTimesAre24Hour("#inbox-list .msg-time");

		String unbroken = "apiPath(dingtalk.oapi.message.corpconversation.asyncsend_v2)requestId=" + "9f3a".repeat(40);
		this.fake.failNext(SEND, 1, 60011, "没有调用该接口的权限 " + unbroken);
		this.driver.findElement(By.id("notify-send")).click();
		WebElement error = wait.until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#notify-result.error .error-detail")));
		WebElement result = this.driver.findElement(By.id("notify-result"));
		assertThat(result.getText()).startsWith("发送失败：应用没有调用该接口的权限，请在开发者后台的权限管理中开通\nNot sent: ")
			.doesNotContain("/topapi");
		assertThat(error.getText()).contains("errcode 60011", unbroken);
		assertWithinItsCard(result, "notify");
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
		assertTimesAre24Hour("#event-list .msg-time");
		screenshot("sample-app-events.png");
	}

	@Test
	void logInWithDingTalkThroughTheFakesAuthorizePageShowsTheUsersName() {
		WebDriverWait wait = new WebDriverWait(this.driver, Duration.ofSeconds(20));
		this.driver.get("http://localhost:" + this.port + "/");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("browser-login"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.user[data-userid='wangwu']"))).click();
		wait.until(ExpectedConditions.textToBe(By.id("me-name"), "王五"));
		assertThat(this.driver.getCurrentUrl()).isEqualTo("http://localhost:" + this.port + "/");
		assertThat(this.driver.findElement(By.id("me-userid")).getText()).isEqualTo("wangwu");
		assertThat(this.driver.findElement(By.id("browser-login")).isDisplayed()).isFalse();
		assertThat(this.fake.callCount("/v1.0/oauth2/userAccessToken")).isEqualTo(1);
		assertThat(this.fake.callCount("/topapi/user/getbyunionid")).isEqualTo(1);
	}

	private void sendMarkdown(WebDriverWait wait, String title, String text) {
		new Select(this.driver.findElement(By.id("notify-type"))).selectByValue("markdown");
		WebElement titleField = this.driver.findElement(By.id("notify-title"));
		titleField.clear();
		titleField.sendKeys(title);
		WebElement textField = this.driver.findElement(By.id("notify-text"));
		textField.clear();
		textField.sendKeys(text);
		int sent = this.fake.sentMessages().size();
		this.driver.findElement(By.id("notify-send")).click();
		wait.until((driver) -> this.fake.sentMessages().size() > sent);
		assertThat(this.fake.sentMessages().get(sent).msgType()).isEqualTo("markdown");
		assertThat(this.fake.sentMessages().get(sent).text()).isEqualTo(text);
	}

	private void assertTimesAre24Hour(String selector) {
		List<?> times = (List<?>) script(
				"return [...document.querySelectorAll(arguments[0])].map((time) => time.textContent.trim());", selector);
		assertThat(times).isNotEmpty().allSatisfy((time) -> assertThat((String) time).matches(TIME_24H));
	}

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/**
	 * The element and everything in it stay inside the card: nothing wider than the card's box,
	 * nothing scrolled sideways.
	 */
	private void assertWithinItsCard(WebElement element, String cardId) {
		Object overflow = script("""
				const element = arguments[0];
				const card = document.getElementById(arguments[1]).getBoundingClientRect();
				const outside = [element, ...element.querySelectorAll('*')].filter((node) => {
					const box = node.getBoundingClientRect();
					return box.left < card.left - 0.5 || box.right > card.right + 0.5;
				});
				return { outside: outside.length, scrolls: element.scrollWidth > element.clientWidth,
					pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth };
				""", element, cardId);
		assertThat(overflow).isEqualTo(Map.of("outside", 0L, "scrolls", false, "pageScrolls", false));
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
