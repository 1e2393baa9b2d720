package ppvchat.photos.entity;

import ppvchat.platform.entity.DomainException;

/** A moderator took the photo down: its bytes are gone. */
public class PhotoRemoved extends DomainException {

    private static final long serialVersionUID = 1L;

    public PhotoRemoved() {
        super("this photo was removed");
    }
}
