package io.dingboot.sample.demo;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.dingboot.card.CardApi;
import io.dingboot.card.CardRequest;
import io.dingboot.card.CardStream;
import io.dingboot.card.CardTarget;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Creates an AI card in the demo group and streams a canned answer into it, one chunk per step on
 * a scheduler thread of its own (each step is scheduled after the previous one, nothing waits),
 * then finishes it. A step that fails marks the card failed.
 */
@Component
@ConditionalOnProperty(DemoModeInitializer.DEMO_PROPERTY)
public final class DemoCardStreamer implements DisposableBean {

	/** The card template of the demo's AI card. */
	static final String TEMPLATE_ID = "dingboot-demo-ai-card.schema";

	/** The streamed variable, bound to the template's Markdown component. */
	static final String CONTENT_KEY = "content";

	/** The answer the card streams, chunk by chunk. */
	static final List<String> ANSWER_CHUNKS = List.of("### DingBoot 是什么？\n\n", "DingBoot 是一个 ",
			"Spring Boot 4 ", "starter，", "让企业内部应用", "用几行配置接入钉钉：", "\n\n- 免登与通讯录",
			"\n- 工作通知", "\n- 群机器人与应用机器人", "\n- 互动卡片与 AI 卡片流式输出",
			"\n\n*DingBoot is a Spring Boot 4 starter for DingTalk.*");

	/** The whole answer. */
	public static final String ANSWER = String.join("", ANSWER_CHUNKS);

	private static final Log logger = LogFactory.getLog(DemoCardStreamer.class);

	private final CardApi cards;

	private final Duration step;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "demo-ai-card");
		thread.setDaemon(true);
		return thread;
	});

	/** How many of the latest cards {@link #completion(String)} knows. */
	static final int REMEMBERED = 50;

	private final Map<String, CompletableFuture<String>> streams = Collections
		.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<String>> eldest) {
				return size() > REMEMBERED;
			}

		});

	DemoCardStreamer(CardApi cards, @Value("${sample.demo.card-step:300ms}") Duration step) {
		this.cards = cards;
		this.step = step;
	}

	/**
	 * Create and deliver a new AI card to the demo group and start streaming the answer into it.
	 * @return the card's outTrackId
	 */
	String start() {
		String outTrackId = "demo-ai-" + UUID.randomUUID();
		start(outTrackId, DemoRobots.DEMO_GROUP);
		return outTrackId;
	}

	/**
	 * Create and deliver a new AI card to a group and start streaming the answer into it.
	 * @param outTrackId the card's id
	 * @param openConversationId the group
	 */
	void start(String outTrackId, String openConversationId) {
		this.cards.createAndDeliver(CardRequest.builder(TEMPLATE_ID)
			.outTrackId(outTrackId)
			.data(CONTENT_KEY, "")
			.to(CardTarget.group(openConversationId))
			.build());
		CompletableFuture<String> done = new CompletableFuture<>();
		this.streams.put(outTrackId, done);
		schedule(this.cards.stream(outTrackId, CONTENT_KEY), 0, done);
	}

	/**
	 * The end of one card's stream.
	 * @param outTrackId the card
	 * @return completes with the streamed text when the card is finished, or {@code null} for a
	 * card this streamer did not start or no longer remembers (only the latest {@value #REMEMBERED})
	 */
	public CompletableFuture<String> completion(String outTrackId) {
		return this.streams.get(outTrackId);
	}

	private void schedule(CardStream stream, int chunk, CompletableFuture<String> done) {
		this.scheduler.schedule(() -> step(stream, chunk, done), this.step.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void step(CardStream stream, int chunk, CompletableFuture<String> done) {
		try {
			if (chunk < ANSWER_CHUNKS.size()) {
				stream.append(ANSWER_CHUNKS.get(chunk));
				schedule(stream, chunk + 1, done);
			}
			else {
				stream.finish();
				done.complete(stream.text());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Streaming the demo AI card failed: " + ex.getMessage());
			try {
				stream.fail();
			}
			catch (RuntimeException failed) {
				logger.debug("Could not mark the demo AI card failed", failed);
			}
			done.completeExceptionally(ex);
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
