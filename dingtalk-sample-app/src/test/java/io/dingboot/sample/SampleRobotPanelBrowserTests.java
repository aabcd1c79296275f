package io.dingboot.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import io.dingboot.sample.demo.DemoCardStreamer;
import io.dingboot.sample.demo.DemoRobotListener;
import io.dingboot.sample.demo.DemoRobots;
import io.dingboot.test.FakeDingTalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the robot panel in demo mode in a real headless Chromium: reach it from the home page,
 * send through the custom robot and through the app robot and see both messages in the demo chat
 * (and exactly one of each at FakeDingTalk), start an AI card and watch it stream to its finished
 * text; type to the robot in the chat box and see its reply (through the fake's Stream gateway, the
 * sample's robot listener and the session webhook) and the AI card it streams for {@code /card}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.max-backoff=50ms" })
class SampleRobotPanelBrowserTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** Script lines that collect the chat's user messages with the text {@code arguments[0]}. */
	private static final String USER_MESSAGES = """
			const mine = [...document.querySelectorAll("#conversation li[data-from='user']")]
				.filter((li) => li.querySelector('.msg-text').textContent === arguments[0]);
			""";

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
		this.browser = HeadlessChromium.start("sample-robots-chromium");
		this.driver = this.browser.driver();
	}

	@AfterEach
	void quitBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void sendThroughBothRobotsAndWatchTheAiCardFinishInTheDemoChat() {
		WebDriverWait wait = new WebDriverWait(this.driver, WAIT);
		this.driver.get("http://localhost:" + this.port + "/");
		assertThat(this.driver.findElement(By.id("robots-link")).getDomAttribute("href")).isEqualTo("robots.html");
		logInAs("zhangsan");
		this.driver.get("http://localhost:" + this.port + "/robots.html");
		wait.until(ExpectedConditions.textToBe(By.id("group-name"), DemoRobots.DEMO_GROUP_NAME));

		String customText = "浏览器：自定义机器人 " + System.nanoTime();
		this.driver.findElement(By.id("robot-text")).sendKeys(customText);
		this.driver.findElement(By.id("send-custom")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("#chat-list li[data-via='custom'] .msg-text"), customText));
		assertThat(this.fake.webhookRobots().messages(DemoRobots.CUSTOM_ROBOT)).singleElement()
			.satisfies((message) -> assertThat(message.text()).isEqualTo(customText));

		String appText = "浏览器：应用机器人 " + System.nanoTime();
		new Select(this.driver.findElement(By.id("robot-type"))).selectByValue("markdown");
		this.driver.findElement(By.id("robot-title")).sendKeys("应用机器人");
		this.driver.findElement(By.id("robot-text")).clear();
		this.driver.findElement(By.id("robot-text")).sendKeys(appText);
		this.driver.findElement(By.id("send-app")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("#chat-list li[data-via='app'] .msg-text"), appText));
		assertThat(this.fake.robots().groupMessages(DemoRobots.DEMO_GROUP)).singleElement().satisfies((message) -> {
			assertThat(message.msgKey()).isEqualTo("sampleMarkdown");
			assertThat(message.msgParam()).containsEntry("title", "应用机器人").containsEntry("text", appText);
		});
		assertThat(this.driver.findElements(By.cssSelector("#chat-list li"))).hasSize(2);

		this.driver.findElement(By.id("start-card")).click();
		new WebDriverWait(this.driver, Duration.ofSeconds(30))
			.until(ExpectedConditions.textToBe(By.id("card-status"), "FINISHED"));
		assertThat(this.driver.findElement(By.id("card-content")).getDomProperty("textContent"))
			.isEqualTo(DemoCardStreamer.ANSWER);
		assertThat(this.fake.robots().cards()).last().satisfies((card) -> {
			assertThat(card.status()).isEqualTo("FINISHED");
			assertThat(card.value("content")).isEqualTo(DemoCardStreamer.ANSWER);
		});
	}

	@Test
	void typeToTheRobotInTheChatBoxAndSeeItsReplyThenTheStreamedAiCard() {
		WebDriverWait wait = new WebDriverWait(this.driver, Duration.ofSeconds(20));
		this.driver.get("http://localhost:" + this.port + "/");
		logInAs("lisi");
		this.driver.get("http://localhost:" + this.port + "/robots.html");
		wait.until(ExpectedConditions.textToBe(By.id("chat-group-name"), DemoRobots.DEMO_GROUP_NAME));

		String text = "浏览器：你好机器人 " + System.nanoTime();
		this.driver.findElement(By.id("chat-text")).sendKeys(text);
		this.driver.findElement(By.id("chat-send")).click();
		String msgId = awaitOwnMessage(wait, text, 0);
		wait.until(ExpectedConditions.textToBe(
				By.cssSelector("#conversation li[data-from='robot'][data-msg-id='" + msgId + "'] .msg-text"),
				DemoRobotListener.replyTo(text)));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("#conversation li[data-from='user'][data-msg-id='" + msgId + "'] .msg-head"), "ack 200"));
		assertThat(this.driver
			.findElement(By.cssSelector("#conversation li[data-from='user'][data-msg-id='" + msgId + "'] .msg-head"))
			.getText()).startsWith("李四 · ");
		assertThat(this.fake.robots().webhookReplies()).singleElement()
			.satisfies((reply) -> assertThat(reply.body()).isEqualTo(
					Map.of("msgtype", "text", "text", Map.of("content", DemoRobotListener.replyTo(text)))));
		assertThat(this.driver.findElement(By.id("chat-text")).getDomProperty("value")).isEmpty();

		// Enter sends too
		int earlierCards = ownMessages(DemoRobotListener.CARD_COMMAND);
		this.driver.findElement(By.id("chat-text")).sendKeys(DemoRobotListener.CARD_COMMAND + Keys.ENTER);
		String cardMsgId = awaitOwnMessage(wait, DemoRobotListener.CARD_COMMAND, earlierCards);
		wait.until(ExpectedConditions.textToBe(
				By.cssSelector("#conversation li[data-from='robot'][data-msg-id='" + cardMsgId + "'] .msg-text"),
				DemoRobotListener.CARD_REPLY));
		new WebDriverWait(this.driver, Duration.ofSeconds(40)).until(ExpectedConditions.textToBe(
				By.cssSelector("#conversation li[data-from='card'][data-msg-id='" + cardMsgId + "'] .card-status"),
				"FINISHED"));
		assertThat(this.driver
			.findElement(By.cssSelector("#conversation li[data-from='card'][data-msg-id='" + cardMsgId + "'] .card-content"))
			.getDomProperty("textContent")).isEqualTo(DemoCardStreamer.ANSWER);
		assertThat(this.fake.robots().cards()).singleElement().satisfies((card) -> {
			assertThat(card.outTrackId()).isEqualTo(DemoRobotListener.cardId(cardMsgId));
			assertThat(card.deliveries()).singleElement()
				.satisfies((delivery) -> assertThat(delivery.spaceId()).isEqualTo(DemoRobots.DEMO_GROUP));
			assertThat(card.status()).isEqualTo("FINISHED");
			assertThat(card.value("content")).isEqualTo(DemoCardStreamer.ANSWER);
		});
		assertThat(this.fake.robots().webhookReplies()).hasSize(2);
		wait.until(ExpectedConditions.textToBe(By.id("chat-result"), "机器人已回复 · The robot replied"));
		screenshot("sample-robot-chat.png");
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

	/**
	 * How many user messages with exactly this text the conversation shows.
	 */
	private int ownMessages(String text) {
		Object count = ((JavascriptExecutor) this.driver).executeScript(USER_MESSAGES + "return mine.length;", text);
		return ((Number) count).intValue();
	}

	/**
	 * Wait until the conversation shows more than {@code earlier} user messages with exactly this
	 * text, and answer the newest one's msgId (the page draws the list anew on every change, so it
	 * is read in one script).
	 */
	private String awaitOwnMessage(WebDriverWait wait, String text, int earlier) {
		return wait.until((driver) -> (String) ((JavascriptExecutor) driver).executeScript(
				USER_MESSAGES + "return mine.length > arguments[1] ? mine[mine.length - 1].dataset.msgId : null;", text,
				earlier));
	}

	/**
	 * Log in as the home page does in demo mode (a code from the fake, posted to the login
	 * endpoint), without depending on the home page's controls.
	 */
	private void logInAs(String userid) {
		Object status = ((JavascriptExecutor) this.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const token = () => decodeURIComponent((document.cookie.match(/(?:^|;\\s*)XSRF-TOKEN=([^;]*)/) || [])[1] || '');
				(async () => {
					await fetch('/api/mode', { credentials: 'same-origin' });
					const headers = { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token() };
					const code = (await (await fetch('/demo/auth-code?userid=' + arguments[0],
						{ method: 'POST', headers, credentials: 'same-origin' })).json()).code;
					const login = await fetch('/login/dingtalk', { method: 'POST', credentials: 'same-origin',
						headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token() },
						body: JSON.stringify({ code }) });
					done(login.status);
				})().catch((e) => done(String(e)));
				""", userid);
		assertThat(status).isEqualTo(200L);
	}

}
