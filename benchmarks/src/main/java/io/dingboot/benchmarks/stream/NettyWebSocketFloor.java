package io.dingboot.benchmarks.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

import shade.io.netty.bootstrap.Bootstrap;
import shade.io.netty.channel.Channel;
import shade.io.netty.channel.ChannelHandlerContext;
import shade.io.netty.channel.ChannelInitializer;
import shade.io.netty.channel.EventLoopGroup;
import shade.io.netty.channel.SimpleChannelInboundHandler;
import shade.io.netty.channel.nio.NioEventLoopGroup;
import shade.io.netty.channel.socket.SocketChannel;
import shade.io.netty.channel.socket.nio.NioSocketChannel;
import shade.io.netty.handler.codec.http.DefaultHttpHeaders;
import shade.io.netty.handler.codec.http.HttpClientCodec;
import shade.io.netty.handler.codec.http.HttpObjectAggregator;
import shade.io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import shade.io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import shade.io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import shade.io.netty.handler.codec.http.websocketx.WebSocketVersion;
import shade.io.netty.handler.ssl.SslContext;
import shade.io.netty.handler.ssl.SslContextBuilder;
import shade.io.netty.handler.ssl.SslProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same floor as {@link JdkWebSocketFloor} on Netty (the copy shaded into the official client,
 * with the JDK's TLS as that client uses it): one event loop thread, whole text frames handled on
 * it, headers found by searching the text, the ack written at once. The floor under a client on
 * Netty, such as one on Spring's {@code ReactorNettyWebSocketClient}.
 */
final class NettyWebSocketFloor extends SimpleChannelInboundHandler<TextWebSocketFrame> implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Consumer<String> eventIds;

	private final EventLoopGroup group = new NioEventLoopGroup(1);

	private final Channel channel;

	/** {@code -Dfloor.flush=batched}: acks written as frames arrive, flushed once per read. */
	private final boolean batched = "batched".equals(System.getProperty("floor.flush"));

	private NettyWebSocketFloor(String apiBaseUrl, String appKey, String appSecret, Consumer<String> eventIds)
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
		SslContext tls = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).build();
		String host = endpoint.getHost();
		int port = endpoint.getPort();
		WebSocketClientProtocolHandler protocol = new WebSocketClientProtocolHandler(endpoint, WebSocketVersion.V13, null,
				false, new DefaultHttpHeaders(), 1 << 20);
		NettyWebSocketFloor self = this;
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

	static NettyWebSocketFloor connect(String apiBaseUrl, String appKey, String appSecret, Consumer<String> eventIds)
			throws Exception {
		return new NettyWebSocketFloor(apiBaseUrl, appKey, appSecret, eventIds);
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
