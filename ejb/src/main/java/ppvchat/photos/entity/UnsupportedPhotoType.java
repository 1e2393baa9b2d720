package ppvchat.photos.entity;

import ppvchat.platform.entity.DomainException;

/** The upload was not declared as one of the picture types we take. */
public class UnsupportedPhotoType extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnsupportedPhotoType() {
        super("send the picture as image/jpeg, image/png, image/gif or image/webp");
    }
}
