package io.dingboot.benchmarks.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link NettyWebSocketFloor} on the Netty that Spring Boot manages, with BoringSSL's TLS
 * ({@code netty-tcnative-boringssl-static}) instead of the JDK's: what a native TLS library would
 * change under a client on Netty.
 */
final class NettyBoringSslFloor extends SimpleChannelInboundHandler<TextWebSocketFrame> implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Consumer<String> eventIds;

	private final EventLoopGroup group = new NioEventLoopGroup(1);

	private final Channel channel;

	/** {@code -Dfloor.flush=batched}: acks written as frames arrive, flushed once per read. */
	private final boolean batched = "batched".equals(System.getProperty("floor.flush"));

	private NettyBoringSslFloor(String apiBaseUrl, String appKey, String appSecret, Consumer<String> eventIds)
			throws Exception {
		this.eventIds = eventIds;
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpResponse<String> opened = client.send(HttpRequest.newBuilder(URI.create(apiBaseUrl + "/v1.0/gateway/connections/open"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + appKey + "\",\"clientSecret\":\"" + appSecret
					+ "\",\"subscriptions\":[{\"type\":\"EVENT\",\"topic\":\"*\"}]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (opened.statusCode() != 200) {
			throw new IllegalStateException("connections/open answered " + opened.statusCode());
		}
		JsonNode answer = JSON.readTree(opened.body());
		URI endpoint = URI.create(answer.get("endpoint").stringValue() + "?ticket=" + answer.get("ticket").stringValue());
		if (!OpenSsl.isAvailable()) {
			throw new IllegalStateException("BoringSSL is not available", OpenSsl.unavailabilityCause());
		}
		SslContext tls = SslContextBuilder.forClient().sslProvider(SslProvider.OPENSSL).build();
		String host = endpoint.getHost();
		int port = endpoint.getPort();
		WebSocketClientProtocolHandler protocol = new WebSocketClientProtocolHandler(endpoint, WebSocketVersion.V13, null,
				false, new DefaultHttpHeaders(), 1 << 20);
		NettyBoringSslFloor self = this;
		this.channel = new Bootstrap().group(this.group)
			.channel(NioSocketChannel.class)
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel ch) {
					ch.pipeline()
						.addLast(tls.newHandler(ch.alloc(), host, port), new HttpClientCodec(),
								new HttpObjectAggregator(1 << 16), protocol, new WebSocketFrameAggregator(1 << 20), self);
				}
			})
			.connect(host, port)
			.sync()
			.channel();
	}

	static NettyBoringSslFloor connect(String apiBaseUrl, String appKey, String appSecret, Consumer<String> eventIds)
			throws Exception {
		return new NettyBoringSslFloor(apiBaseUrl, appKey, appSecret, eventIds);
	}

	@Override
	protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame message) {
		String text = message.text();
		String messageId = header(text, "messageId");
		if (text.contains("\"type\":\"SYSTEM\"")) {
			JsonNode frame = JSON.readTree(text);
			context.writeAndFlush(new TextWebSocketFrame(ack(messageId, JSON.writeValueAsString(frame.get("data").stringValue()))));
			return;
		}
		this.eventIds.accept(header(text, "eventId"));
		TextWebSocketFrame answer = new TextWebSocketFrame(
				ack(messageId, "\"{\\\"status\\\":\\\"SUCCESS\\\",\\\"message\\\":\\\"success\\\"}\""));
		if (this.batched) {
			context.write(answer);
		}
		else {
			context.writeAndFlush(answer);
		}
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext context) {
		context.flush();
		context.fireChannelReadComplete();
	}

	private static String ack(String messageId, String data) {
		return "{\"code\":200,\"headers\":{\"contentType\":\"application/json\",\"messageId\":\"" + messageId
				+ "\"},\"message\":\"OK\",\"data\":" + data + "}";
	}

	private static String header(String text, String name) {
		String key = "\"" + name + "\":\"";
		int start = text.indexOf(key);
		if (start < 0) {
			throw new IllegalStateException("no " + name);
		}
		start += key.length();
		return text.substring(start, text.indexOf('"', start));
	}

	@Override
	public boolean isSharable() {
		return true;
	}

	@Override
	public void close() {
		this.channel.close().syncUninterruptibly();
		this.group.shutdownGracefully();
	}

}
