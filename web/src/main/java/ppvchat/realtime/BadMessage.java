package ppvchat.realtime;

/** A client message the server cannot take as it is; {@code code} is one of the protocol's error codes. */
public class BadMessage extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public BadMessage(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
