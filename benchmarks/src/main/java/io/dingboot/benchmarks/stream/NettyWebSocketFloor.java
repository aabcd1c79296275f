package io.dingboot.benchmarks.stream;

import java.net.URI;
import java.util.function.Consumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
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

/**
 * The same floor as {@link JdkWebSocketFloor} on Netty (the version Spring Boot manages, the one
 * under Spring's {@code ReactorNettyWebSocketClient}): one event loop thread, whole text frames
 * handled on it, the ack written at once. TLS is the JDK's (as the official client uses it) or
 * BoringSSL's ({@code netty-tcnative-boringssl-static}), to see what a native TLS library changes.
 */
final class NettyWebSocketFloor extends SimpleChannelInboundHandler<TextWebSocketFrame> implements AutoCloseable {

	private final Consumer<String> eventIds;

	private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

	private final Channel channel;

	/** {@code -Dfloor.flush=batched}: acks written as frames arrive, flushed once per read. */
	private final boolean batched = "batched".equals(System.getProperty("floor.flush"));

	private NettyWebSocketFloor(String apiBaseUrl, String appKey, String appSecret, SslProvider provider,
			Consumer<String> eventIds) throws Exception {
		this.eventIds = eventIds;
		if (provider == SslProvider.OPENSSL && !OpenSsl.isAvailable()) {
			throw new IllegalStateException("BoringSSL is not available", OpenSsl.unavailabilityCause());
		}
		URI endpoint = FloorProtocol.open(apiBaseUrl, appKey, appSecret);
		SslContext tls = SslContextBuilder.forClient().sslProvider(provider).build();
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

	/**
	 * @param provider {@link SslProvider#JDK} or {@link SslProvider#OPENSSL} (BoringSSL)
	 */
	static NettyWebSocketFloor connect(String apiBaseUrl, String appKey, String appSecret, SslProvider provider,
			Consumer<String> eventIds) throws Exception {
		return new NettyWebSocketFloor(apiBaseUrl, appKey, appSecret, provider, eventIds);
	}

	@Override
	protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame message) {
		TextWebSocketFrame answer = new TextWebSocketFrame(FloorProtocol.answer(message.text(), this.eventIds));
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
