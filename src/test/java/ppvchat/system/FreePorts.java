package ppvchat.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * TCP ports that are free now, chosen by the operating system, so that the servers the tests start never
 * clash with each other or with a developer's servers on the usual ports (8080, 4848, 6900...).
 */
final class FreePorts {

    /** Ports handed out in this JVM: a server may not have bound its port yet when the next one is chosen. */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {}

    /** {@code count} distinct free ports, all held open at the same time while they are chosen. */
    static synchronized int[] pick(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            int found = 0;
            while (found < count) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    ports[found++] = socket.getLocalPort();
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("could not find free ports", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing a listening socket that accepted nothing does not fail in practice.
                }
            }
        }
    }

    static int pick() {
        return pick(1)[0];
    }
}
