package ppvchat.photos.boundary;

/** A stored photo's bytes, as served. */
public record PhotoFile(String contentType, byte[] content) {

    public PhotoFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String fileName() {
        return "image/png".equals(contentType) ? "photo.png" : "photo.jpg";
    }
}
