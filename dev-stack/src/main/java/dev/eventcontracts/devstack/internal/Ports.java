package dev.eventcontracts.devstack.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks and picks loopback TCP ports.
 */
public final class Ports {

    private Ports() {}

    /**
     * Tells whether a port can be bound on the loopback address right now.
     *
     * @param port the port, 1 to 65535
     * @return {@code true} if nothing listens there
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns a port that was free a moment ago, chosen by the operating system.
     *
     * @return the port number
     * @throws UncheckedIOException if no port can be bound
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind any loopback port", e);
        }
    }
}
