package ppvchat.photos.control;

/**
 * The EXIF orientation of a JPEG (1 to 8; 1 when it has none or it cannot be read): how a camera says the
 * picture has to be turned to stand upright. Read from IFD0 of the first APP1 "Exif" segment.
 */
final class ExifOrientation {

    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;

    private ExifOrientation() {}

    static int of(byte[] jpeg) {
        try {
            int at = 2; // after SOI
            while (at + 4 <= jpeg.length && u8(jpeg, at) == 0xff) {
                int marker = u8(jpeg, at + 1);
                if (marker == 0xda || marker == 0xd9) {
                    return 1; // image data starts: no more metadata segments
                }
                int length = u16(jpeg, at + 2, false);
                if (marker == 0xe1 && isExif(jpeg, at + 4)) {
                    return orientation(jpeg, at + 10, at + 2 + length);
                }
                at += 2 + length;
            }
        } catch (IndexOutOfBoundsException truncated) {
            // A broken segment: treat as no orientation.
        }
        return 1;
    }

    private static boolean isExif(byte[] b, int at) {
        return b[at] == 'E'
                && b[at + 1] == 'x'
                && b[at + 2] == 'i'
                && b[at + 3] == 'f'
                && b[at + 4] == 0
                && b[at + 5] == 0;
    }

    /** {@code tiff} is where the TIFF header starts, {@code end} where the segment ends. */
    private static int orientation(byte[] b, int tiff, int end) {
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        int entries = u16(b, ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == TAG_ORIENTATION && u16(b, entry + 2, little) == TYPE_SHORT) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xff;
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? u8(b, at) | u8(b, at + 1) << 8 : u8(b, at) << 8 | u8(b, at + 1);
    }

    private static long u32(byte[] b, int at, boolean little) {
        return little
                ? (long) u16(b, at + 2, true) << 16 | u16(b, at, true)
                : (long) u16(b, at, false) << 16 | u16(b, at + 2, false);
    }
}
