package ppvchat.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The limits at the socket edge; each is a system property or environment variable (docs/operations.md). */
@ApplicationScoped
public class RealtimeSettings {

    /** A fixed cap: {@code @OnMessage} needs a constant. Fits a WebRTC offer with room to spare. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024;

    @Inject
    @ConfigProperty(name = "ppv.ws.messages-per-second", defaultValue = "10")
    int messagesPerSecond;

    @Inject
    @ConfigProperty(name = "ppv.ws.message-burst", defaultValue = "30")
    int messageBurst;

    @Inject
    @ConfigProperty(name = "ppv.ws.flood-refusals", defaultValue = "10")
    int floodRefusals;

    @Inject
    @ConfigProperty(name = "ppv.ws.typing-per-second", defaultValue = "4")
    int typingPerSecond;

    /** How far (in characters) a client may fall behind in reading before it is dropped as too slow. */
    @Inject
    @ConfigProperty(name = "ppv.ws.max-unread-bytes", defaultValue = "262144")
    long maxUnreadBytes;

    /** How often, in characters sent, a ping asks the client how far it has read. */
    @Inject
    @ConfigProperty(name = "ppv.ws.ping-every-bytes", defaultValue = "65536")
    long pingEveryBytes;

    @Inject
    @ConfigProperty(name = "ppv.ws.sessions-per-user", defaultValue = "5")
    int sessionsPerUser;

    @Inject
    @ConfigProperty(name = "ppv.ws.sessions-per-address", defaultValue = "50")
    int sessionsPerAddress;

    @Inject
    @ConfigProperty(name = "ppv.ws.idle-timeout-seconds", defaultValue = "120")
    int idleTimeoutSeconds;

    /** Threads writing to sockets; by default one per core. */
    @Inject
    @ConfigProperty(name = "ppv.ws.fanout-lanes", defaultValue = "0")
    int fanoutLanes;

    public int messagesPerSecond() {
        return messagesPerSecond;
    }

    public int messageBurst() {
        return messageBurst;
    }

    public int floodRefusals() {
        return floodRefusals;
    }

    public int typingPerSecond() {
        return typingPerSecond;
    }

    public long maxUnreadBytes() {
        return maxUnreadBytes;
    }

    public long pingEveryBytes() {
        return pingEveryBytes;
    }

    public int sessionsPerUser() {
        return sessionsPerUser;
    }

    public int sessionsPerAddress() {
        return sessionsPerAddress;
    }

    public int fanoutLanes() {
        return fanoutLanes > 0 ? fanoutLanes : Runtime.getRuntime().availableProcessors();
    }

    public long idleTimeoutMillis() {
        return idleTimeoutSeconds * 1_000L;
    }
}
