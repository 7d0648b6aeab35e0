package no.heima.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 keep-alive connection on a plain socket, written and read byte by byte, so
 * a test controls exactly when request bytes reach the server (several requests in one
 * write, a body sent after a pause) the way browsers and proxies do, which an HTTP client
 * library would smooth over. Every response read has its own deadline.
 */
public final class RawHttpConnection implements Closeable {

	/** A response as read from the wire. */
	public record Response(int status, Map<String, String> headers, byte[] body) {

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		public boolean closesConnection() {
			return "close".equalsIgnoreCase(header("connection"));
		}

		public String bodyText() {
			return new String(body, StandardCharsets.UTF_8);
		}

	}

	/** The server sent nothing (or not all of a response) before the deadline. */
	public static final class Hang extends IOException {

		Hang(String message, Throwable cause) {
			super(message, cause);
		}

	}

	private final String host;

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	public RawHttpConnection(String host, int port) throws IOException {
		this.host = host + ":" + port;
		this.socket = new Socket();
		this.socket.setTcpNoDelay(true);
		this.socket.connect(new InetSocketAddress(host, port), 5000);
		this.in = new java.io.BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
		this.out = this.socket.getOutputStream();
	}

	/**
	 * The bytes of one request; {@code body} may be null. {@code Host} and
	 * {@code Content-Length} are added.
	 */
	public byte[] request(String method, String path, Map<String, String> headers, byte[] body) {
		StringBuilder head = new StringBuilder();
		head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		head.append("Host: ").append(this.host).append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		if (body == null) {
			return start;
		}
		byte[] all = new byte[start.length + body.length];
		System.arraycopy(start, 0, all, 0, start.length);
		System.arraycopy(body, 0, all, start.length, body.length);
		return all;
	}

	/** Writes and flushes bytes as they are (one or several requests, or part of one). */
	public void write(byte[] bytes) throws IOException {
		this.out.write(bytes);
		this.out.flush();
	}

	/**
	 * Reads one whole response (Content-Length or chunked); {@link Hang} when the
	 * deadline passes first.
	 */
	public Response read(Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			String statusLine = line(deadline);
			String[] parts = statusLine.split(" ", 3);
			if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
				throw new IOException("Not an HTTP response: " + statusLine);
			}
			int status = Integer.parseInt(parts[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (String header = line(deadline); !header.isEmpty(); header = line(deadline)) {
				int colon = header.indexOf(':');
				headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
						header.substring(colon + 1).trim());
			}
			byte[] body;
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = chunked(deadline);
			}
			else if (headers.containsKey("content-length")) {
				body = exactly(Integer.parseInt(headers.get("content-length")), deadline);
			}
			else {
				body = new byte[0];
			}
			return new Response(status, headers, body);
		}
		catch (SocketTimeoutException timedOut) {
			throw new Hang("No complete response within " + timeout, timedOut);
		}
	}

	private byte[] chunked(long deadline) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = line(deadline);
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon < 0) ? sizeLine.trim() : sizeLine.substring(0, semicolon).trim(),
					16);
			if (size == 0) {
				while (!line(deadline).isEmpty()) {
					// trailers: none expected, skipped
				}
				return body.toByteArray();
			}
			body.writeBytes(exactly(size, deadline));
			line(deadline);
		}
	}

	private byte[] exactly(int length, long deadline) throws IOException {
		byte[] bytes = new byte[length];
		int read = 0;
		while (read < length) {
			arm(deadline);
			int n = this.in.read(bytes, read, length - read);
			if (n < 0) {
				throw new IOException("Connection closed in the middle of a body");
			}
			read += n;
		}
		return bytes;
	}

	private String line(long deadline) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		while (true) {
			arm(deadline);
			int b = this.in.read();
			if (b < 0) {
				throw new IOException("Connection closed by the server");
			}
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
	}

	private void arm(long deadline) throws IOException {
		long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
		if (left <= 0) {
			throw new SocketTimeoutException("deadline passed");
		}
		this.socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
