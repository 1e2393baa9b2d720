package ppvchat.metering.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.platform.entity.DomainException;

/**
 * This JVM as a metering node: its name, which every show it starts carries, and whether it still starts
 * shows. A clean stop first stops new shows, then settles the running ones.
 */
@ApplicationScoped
public class MeteringNode {

    /** Unique per running JVM; stable across restarts, so that a restart settles what a crash left open. */
    @Inject
    @ConfigProperty(name = "ppv.metering.node")
    Optional<String> configuredName;

    /** A node whose heartbeat is older than this has died; its shows are settled by a survivor. */
    @Inject
    @ConfigProperty(name = "ppv.metering.node-timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    private String name;
    private volatile boolean stopping;

    @PostConstruct
    void chooseName() {
        name = configuredName.filter(n -> !n.isBlank()).orElseGet(MeteringNode::hostName);
        if (name.length() > 64) {
            throw new IllegalStateException("ppv.metering.node is longer than 64 characters: " + name);
        }
    }

    public String name() {
        return name;
    }

    public Duration timeout() {
        return Duration.ofSeconds(Math.max(3, timeoutSeconds));
    }

    public void stopStartingShows() {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }

    /** Refuses to start a show once the node is stopping: it would be cut short at once. */
    public void requireStartingShows() {
        if (stopping) {
            throw new DomainException("the server is restarting; please try again in a moment");
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
