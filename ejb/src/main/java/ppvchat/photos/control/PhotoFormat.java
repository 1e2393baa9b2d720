package ppvchat.photos.control;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;

/**
 * The picture formats we read, told apart by their first bytes (never by what the upload claims), each with
 * its reader. The readers are made directly, not registered in ImageIO's registry for the whole JVM, so
 * that the application leaves nothing of its own behind in the server.
 */
enum PhotoFormat {
    JPEG,
    PNG,
    GIF,
    WEBP;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final ImageReaderSpi TWELVE_MONKEYS_JPEG = twelveMonkeysJpeg();
    private static final ImageReaderSpi WEBP_READER = new WebPImageReaderSpi();

    static Optional<PhotoFormat> of(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) {
            return Optional.of(GIF);
        }
        if (bytes.length >= 12
                && startsWith(bytes, ascii("RIFF"))
                && Arrays.equals(bytes, 8, 12, ascii("WEBP"), 0, 4)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    ImageReader newReader() throws IOException {
        return switch (this) {
            case JPEG -> TWELVE_MONKEYS_JPEG != null
                    ? TWELVE_MONKEYS_JPEG.createReaderInstance()
                    : builtIn("image/jpeg");
            case PNG -> builtIn("image/png");
            case GIF -> builtIn("image/gif");
            case WEBP -> WEBP_READER.createReaderInstance();
        };
    }

    private static ImageReader builtIn(String mimeType) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mimeType);
        if (!readers.hasNext()) {
            throw new IOException("no reader for " + mimeType);
        }
        return readers.next();
    }

    /**
     * TwelveMonkeys' JPEG reader (CMYK, broken colour profiles, and more that the JDK's refuses) decodes
     * through the JDK's; it finds it when registered, here in a registry of its own.
     */
    private static ImageReaderSpi twelveMonkeysJpeg() {
        ServiceRegistry own =
                new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        IIORegistry.getDefaultInstance()
                .getServiceProviders(
                        ImageReaderSpi.class,
                        spi -> spi.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi"),
                        false)
                .forEachRemaining(jdk -> own.registerServiceProvider(jdk, ImageReaderSpi.class));
        JPEGImageReaderSpi spi = new JPEGImageReaderSpi();
        own.registerServiceProvider(spi, ImageReaderSpi.class);
        // Without the JDK's reader it deregisters itself: then the JDK's reader alone will do.
        return own.contains(spi) ? spi : null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
