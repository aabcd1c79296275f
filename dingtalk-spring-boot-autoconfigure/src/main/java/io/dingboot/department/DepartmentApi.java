package io.dingboot.department;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.dingboot.DingTalkApiException;
import io.dingboot.http.DingTalkClient;
import io.dingboot.http.DingTalkParameters;
import io.dingboot.http.DingTalkRequest;
import org.springframework.util.Assert;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * DingTalk's department API (通讯录 departments): sub-departments, details, sub-department ids,
 * and a walk of a whole tree for organisation sync. Every call is a read.
 */
public final class DepartmentApi {

	static final String LIST_SUB = "/topapi/v2/department/listsub";

	static final String GET = "/topapi/v2/department/get";

	static final String LIST_SUB_ID = "/topapi/v2/department/listsubid";

	/** Calls of {@link #walkTree(long)} in flight at once, by default. */
	public static final int DEFAULT_WALK_CONCURRENCY = 4;

	/**
	 * Calls per second {@link #walkTree(long)} makes at most, by default: below DingTalk's limit
	 * of 20 per app and API, leaving room for the application's other calls.
	 */
	public static final int DEFAULT_WALK_CALLS_PER_SECOND = 15;

	private static final AtomicInteger walkThreads = new AtomicInteger();

	private final DingTalkClient client;

	private final int walkConcurrency;

	private final int walkCallsPerSecond;

	public DepartmentApi(DingTalkClient client) {
		this(client, DEFAULT_WALK_CONCURRENCY, DEFAULT_WALK_CALLS_PER_SECOND);
	}

	/**
	 * Create the API with the bounds of {@link #walkTree(long)}.
	 * @param client the client
	 * @param walkConcurrency calls in flight at once during a walk (1 for sequential)
	 * @param walkCallsPerSecond calls per second at most during a walk
	 */
	public DepartmentApi(DingTalkClient client, int walkConcurrency, int walkCallsPerSecond) {
		Assert.isTrue(walkConcurrency >= 1, "'walkConcurrency' must be at least 1");
		Assert.isTrue(walkCallsPerSecond >= 1, "'walkCallsPerSecond' must be at least 1");
		this.client = client;
		this.walkConcurrency = walkConcurrency;
		this.walkCallsPerSecond = walkCallsPerSecond;
	}

	/**
	 * The direct sub-departments of a department, in Chinese.
	 * @param deptId the department id (root is 1)
	 * @return the sub-departments
	 * @throws DingTalkApiException 60003 when the department does not exist
	 */
	public List<Department> listSub(long deptId) {
		return listSub(deptId, null);
	}

	/**
	 * The direct sub-departments of a department.
	 * @param deptId the department id (root is 1)
	 * @param language {@code Locale.CHINA} or {@code Locale.US}, or {@code null} for DingTalk's default
	 * @return the sub-departments
	 */
	public List<Department> listSub(long deptId, @Nullable Locale language) {
		return List.of(this.client.execute(read(LIST_SUB, deptId, language), "result", Department[].class));
	}

	/**
	 * A department's details, in Chinese.
	 * @param deptId the department id (root is 1)
	 * @return the details
	 */
	public DepartmentDetail get(long deptId) {
		return get(deptId, null);
	}

	/**
	 * A department's details.
	 * @param deptId the department id (root is 1)
	 * @param language {@code Locale.CHINA} or {@code Locale.US}, or {@code null}
	 * @return the details
	 */
	public DepartmentDetail get(long deptId, @Nullable Locale language) {
		return this.client.execute(read(GET, deptId, language), "result", DepartmentDetail.class);
	}

	/**
	 * The ids of the direct sub-departments of a department.
	 * @param deptId the department id (root is 1)
	 * @return the ids
	 */
	public List<Long> listSubIds(long deptId) {
		JsonNode result = this.client.execute(read(LIST_SUB_ID, deptId, null), "result", JsonNode.class);
		List<Long> ids = new ArrayList<>();
		for (JsonNode id : result.path("dept_id_list")) {
			ids.add(id.asLong());
		}
		return ids;
	}

	/**
	 * Every department below {@code rootId} (the root itself excluded), level by level, parents
	 * before their children, each once. One {@code listsub} call per department, at most
	 * {@code walkConcurrency} at once and {@code walkCallsPerSecond} per second. The first failed
	 * call ends the walk with its exception.
	 * @param rootId where to start (1 for the whole organisation)
	 * @return the departments
	 */
	public List<Department> walkTree(long rootId) {
		return walkTree(rootId, null);
	}

	/**
	 * Every department below {@code rootId}, as {@link #walkTree(long)}, in {@code language}.
	 * @param rootId where to start (1 for the whole organisation)
	 * @param language {@code Locale.CHINA} or {@code Locale.US}, or {@code null}
	 * @return the departments
	 */
	public List<Department> walkTree(long rootId, @Nullable Locale language) {
		DingTalkParameters.checkDeptId(LIST_SUB, rootId);
		DingTalkParameters.language(language);
		Pacer pacer = new Pacer(this.walkCallsPerSecond);
		Set<Long> seen = ConcurrentHashMap.newKeySet();
		seen.add(rootId);
		List<Department> all = new ArrayList<>();
		List<Long> level = List.of(rootId);
		ExecutorService pool = Executors.newFixedThreadPool(this.walkConcurrency, DepartmentApi::walkThread);
		try {
			while (!level.isEmpty()) {
				List<Future<List<Department>>> calls = new ArrayList<>(level.size());
				for (Long id : level) {
					calls.add(pool.submit(() -> {
						pacer.acquire();
						return listSub(id, language);
					}));
				}
				List<Long> next = new ArrayList<>();
				for (Future<List<Department>> call : calls) {
					for (Department department : await(call)) {
						if (seen.add(department.deptId())) {
							all.add(department);
							next.add(department.deptId());
						}
					}
				}
				level = next;
			}
			return all;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static List<Department> await(Future<List<Department>> call) {
		try {
			return call.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw DingTalkApiException.transport(LIST_SUB, "Interrupted while walking departments",
					ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw DingTalkApiException.transport(LIST_SUB,
					"Walking departments failed: " + ex.getCause(), ex.getCause());
		}
	}

	private static Thread walkThread(Runnable task) {
		Thread thread = new Thread(task, "dingtalk-department-walk-" + walkThreads.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}

	private static DingTalkRequest read(String path, long deptId, @Nullable Locale language) {
		DingTalkParameters.checkDeptId(path, deptId);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("dept_id", deptId);
		String lang = DingTalkParameters.language(language);
		if (lang != null) {
			body.put("language", lang);
		}
		return DingTalkRequest.post(path).body(body).idempotent(true).build();
	}

	/**
	 * Spaces calls evenly: each caller takes the next free slot and sleeps until it comes.
	 */
	private static final class Pacer {

		private final long intervalNanos;

		private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());

		Pacer(int callsPerSecond) {
			this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / callsPerSecond;
		}

		void acquire() throws InterruptedException {
			long now = System.nanoTime();
			long previous = this.nextSlot.getAndAccumulate(now,
					(next, current) -> Math.max(next, current) + this.intervalNanos);
			long wait = Math.max(previous, now) - now;
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
		}

	}

}
