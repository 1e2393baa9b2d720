package ppvchat.photos.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import ppvchat.photos.entity.EncodedPhoto;
import ppvchat.platform.entity.DomainException;

class PhotoEncoderTest {

    private static final String MARKER = "SECRET-GPS-48.8584N-2.2945E";

    private final PhotoEncoder encoder = new PhotoEncoder(2);

    @Test
    void aJpegComesOutWithoutItsExifSegmentOrAnythingOfIt() throws IOException {
        byte[] source = withApp1(jpeg(solid(640, 480, Color.BLUE, BufferedImage.TYPE_INT_RGB)), exif(1, MARKER));
        assertTrue(contains(source, MARKER.getBytes(StandardCharsets.US_ASCII)), "the fixture carries the marker");

        EncodedPhoto photo = encoder.encode(source);

        assertEquals("image/jpeg", photo.contentType());
        byte[] out = photo.content();
        assertFalse(contains(out, MARKER.getBytes(StandardCharsets.US_ASCII)), "the marker survived");
        assertFalse(contains(out, "Exif".getBytes(StandardCharsets.US_ASCII)), "an EXIF segment survived");
        assertFalse(hasSegment(out, 0xe1), "an APP1 segment survived");
        assertEquals(640, photo.width());
        assertEquals(480, photo.height());
        assertEquals(640, decode(out).getWidth());
    }

    @Test
    void aBigPictureIsScaledDownToFitAndASmallOneIsNeverScaledUp() throws IOException {
        EncodedPhoto big = encoder.encode(jpeg(solid(4000, 3000, Color.GREEN, BufferedImage.TYPE_INT_RGB)));
        assertEquals(1600, big.width());
        assertEquals(1200, big.height());
        BufferedImage decoded = decode(big.content());
        assertEquals(1600, decoded.getWidth());
        assertEquals(1200, decoded.getHeight());

        EncodedPhoto tall = encoder.encode(png(solid(900, 3600, Color.RED, BufferedImage.TYPE_INT_RGB)));
        assertEquals(400, tall.width());
        assertEquals(1600, tall.height());

        EncodedPhoto small = encoder.encode(png(solid(120, 80, Color.RED, BufferedImage.TYPE_INT_RGB)));
        assertEquals(120, small.width());
        assertEquals(80, small.height());
    }

    @Test
    void aPngWithTransparencyStaysPngAndKeepsIt() throws IOException {
        BufferedImage source = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = source.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 100, 100); // the right half stays fully transparent
        g.dispose();

        EncodedPhoto photo = encoder.encode(png(source));

        assertEquals("image/png", photo.contentType());
        BufferedImage decoded = decode(photo.content());
        assertEquals(0, decoded.getRGB(150, 50) >>> 24, "transparent stays transparent");
        assertEquals(255, decoded.getRGB(50, 50) >>> 24);
    }

    @Test
    void anOpaquePngBecomesAJpeg() {
        EncodedPhoto photo = encoder.encode(png(solid(50, 50, Color.RED, BufferedImage.TYPE_INT_RGB)));
        assertEquals("image/jpeg", photo.contentType());
    }

    @Test
    void exifOrientationSixIsTurnedUpright() throws IOException {
        // Stored landscape, left half red; orientation 6 says: turn 90° clockwise to show it.
        BufferedImage stored = solid(200, 100, Color.BLUE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 100, 100);
        g.dispose();
        byte[] source = withApp1(jpeg(stored), exif(6, MARKER));
        assertEquals(6, ExifOrientation.of(source));

        EncodedPhoto photo = encoder.encode(source);

        assertEquals(100, photo.width());
        assertEquals(200, photo.height());
        BufferedImage upright = decode(photo.content());
        assertTrue(isReddish(upright.getRGB(50, 20)), "the left edge is now the top");
        assertFalse(isReddish(upright.getRGB(50, 180)), "the right edge is now the bottom");
        assertFalse(contains(photo.content(), MARKER.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aCroppedPhotoKeepsTheMiddleInTheFramesProportions() throws IOException {
        // Landscape, blue with a red middle third: the square cut keeps the middle.
        BufferedImage wide = solid(3000, 1000, Color.BLUE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = wide.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(1000, 0, 1000, 1000);
        g.dispose();

        EncodedPhoto square = encoder.encodeCropped(jpeg(wide), 800, 800);

        assertEquals(800, square.width());
        assertEquals(800, square.height());
        BufferedImage decoded = decode(square.content());
        assertTrue(isReddish(decoded.getRGB(20, 400)) && isReddish(decoded.getRGB(780, 400)), "only the middle");

        EncodedPhoto tall =
                encoder.encodeCropped(png(solid(300, 900, Color.RED, BufferedImage.TYPE_INT_RGB)), 800, 800);
        assertEquals(300, tall.width(), "a small picture is cut, never scaled up");
        assertEquals(300, tall.height());
    }

    @Test
    void aCroppedPhotoIsTurnedUprightBeforeItIsCut() {
        byte[] source = withApp1(jpeg(solid(400, 200, Color.BLUE, BufferedImage.TYPE_INT_RGB)), exif(6, MARKER));

        EncodedPhoto photo = encoder.encodeCropped(source, 100, 200);

        assertEquals(100, photo.width());
        assertEquals(200, photo.height());
        assertFalse(contains(photo.content(), MARKER.getBytes(StandardCharsets.US_ASCII)));
        assertThrows(
                DomainException.class,
                () -> encoder.encodeCropped("not a picture".getBytes(StandardCharsets.UTF_8), 800, 800));
    }

    @Test
    void bytesThatAreNoPictureAreRefused() {
        byte[] text = "hello, this is certainly not a picture\n".getBytes(StandardCharsets.UTF_8);
        DomainException refused = assertThrows(DomainException.class, () -> encoder.encode(text));
        assertEquals(PhotoEncoder.UNREADABLE, refused.getMessage());

        byte[] brokenJpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};
        assertEquals(
                PhotoEncoder.UNREADABLE,
                assertThrows(DomainException.class, () -> encoder.encode(brokenJpeg))
                        .getMessage());
        assertThrows(DomainException.class, () -> encoder.encode(new byte[0]));
    }

    @Test
    void aHeaderClaimingTwentyThousandSquaredIsRefusedBeforeDecoding() {
        // A PNG that is only a header: decoding it would fail as unreadable, so the pixel check came first.
        byte[] bomb = pngHeaderOnly(20_000, 20_000);

        DomainException refused = assertThrows(DomainException.class, () -> encoder.encode(bomb));

        assertTrue(refused.getMessage().contains("megapixels"), refused.getMessage());
        assertTrue(pngHeaderOnly(100, 100).length < 100);
        assertEquals(
                PhotoEncoder.UNREADABLE,
                assertThrows(DomainException.class, () -> encoder.encode(pngHeaderOnly(100, 100)))
                        .getMessage(),
                "a small header alone is read, and fails as unreadable");
    }

    @Test
    void aGifIsAccepted() throws IOException {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(solid(64, 48, Color.MAGENTA, BufferedImage.TYPE_INT_RGB), "gif", gif);

        EncodedPhoto photo = encoder.encode(gif.toByteArray());

        assertEquals(64, photo.width());
        assertEquals(48, photo.height());
        assertEquals(64, decode(photo.content()).getWidth());
    }

    @Test
    void webpLossyAndLosslessAreAccepted() throws IOException {
        // The smallest WebP pictures (1×1), lossy (VP8) and lossless (VP8L).
        for (String webp : new String[] {
            "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA",
            "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="
        }) {
            EncodedPhoto photo = encoder.encode(Base64.getDecoder().decode(webp));
            assertEquals(1, photo.width());
            assertEquals(1, photo.height());
            assertEquals(1, decode(photo.content()).getWidth());
        }
    }

    @Test
    void jpegAndWebpAreReadByTwelveMonkeysWithoutRegisteringItForTheWholeJvm() throws IOException {
        assertTrue(PhotoFormat.JPEG.newReader().getClass().getName().startsWith("com.twelvemonkeys."));
        assertTrue(PhotoFormat.WEBP.newReader().getClass().getName().startsWith("com.twelvemonkeys."));
    }

    @Test
    void bigPicturesAreDecodedAtEveryFewPixelsKeepingTwiceTheFinalSize() {
        assertEquals(1, PhotoEncoder.subsampling(3200, 2000));
        assertEquals(2, PhotoEncoder.subsampling(3201, 2000));
        assertEquals(2, PhotoEncoder.subsampling(6324, 6324));
        assertTrue(6324 / PhotoEncoder.subsampling(6324, 6324) >= 2 * 1600 - 200);
    }

    private static BufferedImage solid(int width, int height, Color color, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static byte[] jpeg(BufferedImage image) {
        return write(image, "jpeg");
    }

    private static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    private static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertTrue(ImageIO.write(image, format, out));
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertTrue(image != null, "the output decodes");
        return image;
    }

    /** An APP1 "Exif" payload: a big-endian TIFF header, IFD0 with orientation and a description. */
    static byte[] exif(int orientation, String description) {
        byte[] text = (description + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + text.length);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putShort((short) 0x010e).putShort((short) 2).putInt(text.length).putInt(8 + 2 + 2 * 12 + 4);
        tiff.putInt(0);
        tiff.put(text);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        payload.writeBytes(tiff.array());
        return payload.toByteArray();
    }

    /** The JPEG with an APP1 segment holding {@code payload} spliced in right after SOI. */
    static byte[] withApp1(byte[] jpeg, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(0xd8);
        out.write(0xff);
        out.write(0xe1);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height)
                .put(new byte[] {8, 2, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }

    /** Whether the JPEG has a segment with this marker before its image data. */
    private static boolean hasSegment(byte[] jpeg, int marker) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
            int found = jpeg[at + 1] & 0xff;
            if (found == marker) {
                return true;
            }
            if (found == 0xda) {
                return false;
            }
            at += 2 + ((jpeg[at + 2] & 0xff) << 8 | (jpeg[at + 3] & 0xff));
        }
        return false;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isReddish(int rgb) {
        int r = rgb >> 16 & 0xff;
        int b = rgb & 0xff;
        return r > 180 && b < 80;
    }
}
