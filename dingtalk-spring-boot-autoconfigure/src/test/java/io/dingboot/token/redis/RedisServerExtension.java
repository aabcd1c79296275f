package io.dingboot.token.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a real {@code redis-server} (the Debian package) on a free loopback port, without
 * persistence, for the tests of a class: {@code @RegisterExtension static RedisServerExtension redis
 * = new RedisServerExtension();}. {@link #stop()} and {@link #start()} simulate an outage; the
 * server comes back on the same port.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

	private static final List<String> CANDIDATES = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server");

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);

	private final String executable = findExecutable();

	private int port;

	private Process process;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		if (this.executable == null) {
			throw new IllegalStateException("redis-server was not found; install it with "
					+ "'sudo apt-get install -y redis-server' (the README's test command does so)");
		}
		this.port = freePort();
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Start the server (again) on its port and wait until it answers {@code PING}.
	 */
	public synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		ProcessBuilder builder = new ProcessBuilder(this.executable, "--save", "", "--appendonly", "no", "--bind",
				"127.0.0.1", "--port", Integer.toString(this.port), "--daemonize", "no");
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + this.executable, ex);
		}
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (!ping()) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("redis-server exited with " + this.process.exitValue()
						+ " on port " + this.port);
			}
			if (System.nanoTime() > deadline) {
				stop();
				throw new IllegalStateException("redis-server did not answer PING on port " + this.port);
			}
			sleep(20);
		}
	}

	/**
	 * Stop the server and wait until it has exited.
	 */
	public synchronized void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(5, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	/**
	 * Remove every key (between tests).
	 */
	public void flushAll() {
		command("FLUSHALL\r\n", "+OK");
	}

	private boolean ping() {
		return command("PING\r\n", "+PONG");
	}

	private boolean command(String command, String expected) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 500);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write(command.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[64];
			int read = in.read(buffer);
			return read > 0 && new String(buffer, 0, read, StandardCharsets.US_ASCII).startsWith(expected);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String findExecutable() {
		for (String candidate : CANDIDATES) {
			if (new File(candidate).canExecute()) {
				return candidate;
			}
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(File.pathSeparator)) {
				File file = new File(dir, "redis-server");
				if (file.canExecute()) {
					return file.getAbsolutePath();
				}
			}
		}
		return null;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
