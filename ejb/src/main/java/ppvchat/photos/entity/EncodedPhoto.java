package ppvchat.photos.entity;

/** A picture as we serve it: re-encoded (JPEG, or PNG when it has transparency), no metadata. */
public record EncodedPhoto(String contentType, byte[] content, int width, int height) {

    public EncodedPhoto {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
