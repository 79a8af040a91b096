package dev.eventcontracts.server.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's HTTP/1.1 connections with two guards Jetty 11 lacks: a lingering close after an early answer, and a
 * deadline for a request's headers.
 *
 * <p><b>Lingering close.</b> Once the answer is sent while the client is still sending its request body, the
 * connection reads and discards that body until the client closes, for at most {@link #LINGER}, and only then
 * closes. Why: closing a socket with unread bytes makes the kernel send a reset, and a reset that reaches the
 * client before it has read the answer destroys the answer. Jetty 11 lingers after an answer that says
 * {@code Connection: close}, but after its own answer to a malformed request (an ambiguous or undecodable URI, a
 * header too large) it aborts the connection: a client still sending its body saw a broken pipe and never read the
 * 400. Standard servers close the same way (nginx's {@code lingering_close}, Tomcat swallowing the rest of a
 * refused upload); {@link #LINGER} bounds what a client that never stops sending can hold.
 *
 * <p><b>Header deadline.</b> A client that has begun a request must send all of its headers within
 * {@code request.header.timeout.ms}; otherwise it is answered 408 and the connection closed. The idle timeout
 * alone does not bound this: a client sending one byte every few seconds (slowloris) is never idle. Headers are
 * read without a thread, so such clients cost connections, not threads; the deadline gives those back.
 */
final class GuardedConnectionFactory extends HttpConnectionFactory {

    /** How long a connection keeps discarding a request body after its answer before it closes anyway. */
    static final Duration LINGER = Duration.ofSeconds(5);

    private static final byte[] HEADER_TIMEOUT_ANSWER = headerTimeoutAnswer();

    private final Duration headerTimeout;

    /**
     * Creates the factory.
     *
     * @param headerTimeout how long a client may take to send a request's headers; zero for no deadline
     */
    GuardedConnectionFactory(HttpConfiguration config, Duration headerTimeout) {
        super(config);
        this.headerTimeout = headerTimeout;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new GuardedConnection(
                getHttpConfiguration(), connector, endPoint, isRecordHttpComplianceViolations(), headerTimeout);
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }

    private static byte[] headerTimeoutAnswer() {
        byte[] body = Http.errorBody(408, "The request headers did not arrive within the request header timeout");
        String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: " + Http.CONTENT_TYPE + "\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] answer = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, answer, 0, headBytes.length);
        System.arraycopy(body, 0, answer, headBytes.length, body.length);
        return answer;
    }

    private static final class GuardedConnection extends HttpConnection {

        private final AtomicBoolean lingering = new AtomicBoolean();
        private final Duration headerTimeout;
        /** The request number whose headers a deadline watches; -1 when none does. */
        private final AtomicLong watchedRequest = new AtomicLong(-1);

        GuardedConnection(
                HttpConfiguration config,
                Connector connector,
                EndPoint endPoint,
                boolean recordComplianceViolations,
                Duration headerTimeout) {
            super(config, connector, endPoint, recordComplianceViolations);
            this.headerTimeout = headerTimeout;
        }

        /** Jetty aborts after its own error answers; when the answer is out, discard the body instead. */
        @Override
        public void abort(Throwable failure) {
            if (answeredWhileBodyArrives()) {
                linger();
                return;
            }
            super.abort(failure);
        }

        /** Bounds the discarding Jetty does after an answer; starts a deadline when headers begin to arrive. */
        @Override
        public void onFillable() {
            super.onFillable();
            if (answeredWhileBodyArrives()) {
                linger();
            } else if (headersPartlyIn()) {
                watchHeaders();
            }
        }

        /** The answer is complete (output shut down) and the parser only discards what still arrives. */
        private boolean answeredWhileBodyArrives() {
            EndPoint endPoint = getEndPoint();
            return endPoint.isOpen()
                    && endPoint.isOutputShutdown()
                    && getParser().isClose();
        }

        private void linger() {
            if (lingering.compareAndSet(false, true)) {
                EndPoint endPoint = getEndPoint();
                getConnector().getScheduler().schedule(endPoint::close, LINGER.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        /** Some of a request's headers have arrived, not all. */
        private boolean headersPartlyIn() {
            HttpParser parser = getParser();
            return !headerTimeout.isZero()
                    && parser.inHeaderState()
                    && !parser.isStart()
                    && getEndPoint().isOpen();
        }

        private void watchHeaders() {
            long request = getHttpChannel().getRequests();
            long watched = watchedRequest.get();
            if (watched == request || !watchedRequest.compareAndSet(watched, request)) {
                return;
            }
            getConnector()
                    .getScheduler()
                    .schedule(() -> headerDeadline(request), headerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** The same request's headers are still incomplete: answer 408 and close. */
        private void headerDeadline(long request) {
            if (getHttpChannel().getRequests() != request || !headersPartlyIn()) {
                watchedRequest.compareAndSet(request, -1);
                return;
            }
            EndPoint endPoint = getEndPoint();
            endPoint.write(
                    Callback.from(endPoint::close, failure -> endPoint.close()),
                    ByteBuffer.wrap(HEADER_TIMEOUT_ANSWER));
        }
    }
}
