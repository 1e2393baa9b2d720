package ppvchat.accounts.entity;

import ppvchat.platform.entity.DomainException;

/** Credentials or a token that do not identify anyone: a wrong password, a forged or expired token. */
public class NotSignedIn extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotSignedIn(String message) {
        super(message);
    }
}
