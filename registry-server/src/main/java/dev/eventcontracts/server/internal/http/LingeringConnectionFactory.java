package dev.eventcontracts.server.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Jetty's HTTP/1.1 connections with a lingering close: once the answer is sent while the client is still sending
 * its request body, the connection reads and discards that body until the client closes, for at most
 * {@link #LINGER}, and only then closes.
 *
 * <p>Why: closing a socket with unread bytes makes the kernel send a reset, and a reset that reaches the client
 * before it has read the answer destroys the answer. Jetty 11 lingers after an answer that says
 * {@code Connection: close}, but after its own answer to a malformed request (an ambiguous or undecodable URI, a
 * header too large) it aborts the connection: a client still sending its body saw a broken pipe and never read the
 * 400. Standard servers close the same way (nginx's {@code lingering_close}, Tomcat swallowing the rest of a
 * refused upload); {@link #LINGER} bounds what a client that never stops sending can hold.
 */
final class LingeringConnectionFactory extends HttpConnectionFactory {

    /** How long a connection keeps discarding a request body after its answer before it closes anyway. */
    static final Duration LINGER = Duration.ofSeconds(5);

    LingeringConnectionFactory(HttpConfiguration config) {
        super(config);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new LingeringConnection(
                getHttpConfiguration(), connector, endPoint, isRecordHttpComplianceViolations());
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }

    private static final class LingeringConnection extends HttpConnection {

        private final AtomicBoolean lingering = new AtomicBoolean();

        LingeringConnection(
                HttpConfiguration config, Connector connector, EndPoint endPoint, boolean recordComplianceViolations) {
            super(config, connector, endPoint, recordComplianceViolations);
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

        /** Bounds the discarding Jetty does after an answer that says {@code Connection: close}. */
        @Override
        public void onFillable() {
            super.onFillable();
            if (answeredWhileBodyArrives()) {
                linger();
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
    }
}
