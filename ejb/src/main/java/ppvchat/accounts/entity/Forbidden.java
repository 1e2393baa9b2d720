package ppvchat.accounts.entity;

import ppvchat.platform.entity.DomainException;

/** Someone known who may not do this: a page from an origin the site does not allow, a banned user. */
public class Forbidden extends DomainException {

    private static final long serialVersionUID = 1L;

    public Forbidden(String message) {
        super(message);
    }
}
