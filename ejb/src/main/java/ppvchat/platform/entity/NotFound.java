package ppvchat.platform.entity;

/** Something the request names does not exist, or not for this webmaster. */
public class NotFound extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(message);
    }
}
