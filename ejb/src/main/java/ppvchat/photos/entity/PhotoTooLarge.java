package ppvchat.photos.entity;

import ppvchat.platform.entity.DomainException;

/** The upload has more bytes than the site takes. */
public class PhotoTooLarge extends DomainException {

    private static final long serialVersionUID = 1L;

    public PhotoTooLarge(long maxBytes) {
        super("a photo may have at most " + megabytes(maxBytes) + " MB");
    }

    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? Long.toString((long) mb) : String.format(java.util.Locale.ROOT, "%.1f", mb);
    }
}
