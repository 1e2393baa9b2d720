package ppvchat.realtime;

/** The close codes of the protocol beyond RFC 6455's own (1000, 1008 flood, 1009 too big, 1011 server error). */
public final class CloseCodes {

    public static final int NORMAL = 1000;
    /** Nothing heard from the client for the idle timeout. */
    public static final int IDLE = 1001;
    /** Kept flooding after being told to slow down. */
    public static final int FLOOD = 1008;

    public static final int TOO_BIG = 1009;
    public static final int SERVER_ERROR = 1011;
    /** The room went private, or the performer went offline. */
    public static final int EJECTED = 4000;

    public static final int KICKED = 4001;
    public static final int BANNED = 4002;
    /** The client did not read its messages fast enough; reconnect. */
    public static final int TOO_SLOW = 4003;
    /** The room could not be entered: the performer is offline or busy, or the room does not exist. */
    public static final int NOT_ENTERED = 4004;

    private CloseCodes() {}
}
