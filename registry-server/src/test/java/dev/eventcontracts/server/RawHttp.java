package dev.eventcontracts.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what a client library will not send: bodies cut short or sent a byte at a
 * time, lying lengths, endless chunked bodies.
 */
final class RawHttp {

    /** One answer read off the socket: status line, headers and the body its {@code Content-Length} announces. */
    record Answer(int status, String head, String body) {

        boolean closesConnection() {
            return head.toLowerCase(Locale.ROOT).contains("connection: close");
        }
    }

    private RawHttp() {}

    /** A socket to the registry at {@code url}, reads time out after {@code readTimeoutMillis}. */
    static Socket connect(String url, int readTimeoutMillis) throws IOException {
        URI base = URI.create(url);
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(readTimeoutMillis);
        return socket;
    }

    static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The head of a request with a body, ending with the empty line. */
    static String head(String method, String path, String... headers) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: registry\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** Reads one answer; its body by {@code Content-Length}. */
    static Answer read(InputStream in) throws IOException {
        String statusLine = readLine(in);
        StringBuilder head = new StringBuilder(statusLine).append("\r\n");
        String line;
        int length = 0;
        while (!(line = readLine(in)).isEmpty()) {
            head.append(line).append("\r\n");
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Answer(
                Integer.parseInt(statusLine.substring(9, 12)),
                head.toString(),
                new String(body, StandardCharsets.UTF_8));
    }

    /** A line without its CRLF; empty at the end of the stream. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).trim();
    }

    /** Whether the server has closed the connection: a read sees the end of the stream (or a reset). */
    static boolean closedByServer(InputStream in) {
        try {
            return in.read() == -1;
        } catch (IOException e) {
            return true;
        }
    }
}
