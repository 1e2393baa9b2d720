package ppvchat.photos.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.accounts.entity.TooManyAttempts;
import ppvchat.photos.entity.EncodedPhoto;
import ppvchat.platform.entity.DomainException;

/**
 * Turns uploaded bytes into a photo safe to store and serve: the format is told from the bytes, the size
 * from the header before anything is decoded (a small file can claim a huge picture), the picture is turned
 * upright as its EXIF says, scaled down to fit {@value #MAX_SIDE} pixels (never up), and written anew as JPEG,
 * or PNG when it has transparency. Written from pixels only, nothing of the original's metadata survives.
 */
@ApplicationScoped
public class PhotoEncoder {

    public static final int MAX_SIDE = 1600;
    public static final long MAX_PIXELS = 40_000_000L;
    static final float JPEG_QUALITY = 0.85f;
    static final String UNREADABLE = "this file is not a picture we can read: send a JPEG, PNG, GIF or WebP";

    /**
     * Decoding takes memory (a large progressive JPEG needs a few hundred MB of native buffers), not CPU
     * alone: {@code ppv.photos.decoding} at a time per server, the others wait their turn.
     */
    private final Semaphore decoding;

    @Inject
    public PhotoEncoder(@ConfigProperty(name = "ppv.photos.decoding", defaultValue = "2") int decodingAtOnce) {
        this.decoding = new Semaphore(Math.max(1, decodingAtOnce));
    }

    /** For the proxy the container makes; not for use. */
    protected PhotoEncoder() {
        this.decoding = new Semaphore(1);
    }

    public EncodedPhoto encode(byte[] source) {
        PhotoFormat format = PhotoFormat.of(source).orElseThrow(() -> new DomainException(UNREADABLE));
        int orientation = format == PhotoFormat.JPEG ? ExifOrientation.of(source) : 1;
        acquire();
        try {
            BufferedImage decoded = decode(format, source);
            boolean transparent = decoded.getColorModel().hasAlpha();
            return write(upright(decoded, orientation, transparent), transparent);
        } finally {
            decoding.release();
        }
    }

    /**
     * The same checks and re-encoding, for a picture shown in a fixed frame (a wall tile): turned upright,
     * the middle cut to the frame's proportions, and scaled down to {@code width}×{@code height}, never up (a
     * small picture keeps its pixels and the proportions).
     */
    public EncodedPhoto encodeCropped(byte[] source, int width, int height) {
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("a frame has 1 to " + MAX_SIDE + " pixels a side");
        }
        PhotoFormat format = PhotoFormat.of(source).orElseThrow(() -> new DomainException(UNREADABLE));
        int orientation = format == PhotoFormat.JPEG ? ExifOrientation.of(source) : 1;
        acquire();
        try {
            BufferedImage decoded = decode(format, source);
            boolean transparent = decoded.getColorModel().hasAlpha();
            BufferedImage turned = orientation == 1
                    ? decoded
                    : ExifFilterUtils.getFilterForOrientation(Orientation.typeOf(orientation))
                            .apply(decoded);
            return write(cropped(turned, width, height, transparent), transparent);
        } finally {
            decoding.release();
        }
    }

    /** The largest centred region with the frame's proportions, scaled down to the frame (never up). */
    private static BufferedImage cropped(BufferedImage image, int width, int height, boolean transparent) {
        int regionWidth = (int) Math.min(image.getWidth(), (long) image.getHeight() * width / height);
        int regionHeight = (int) Math.min(image.getHeight(), (long) image.getWidth() * height / width);
        regionWidth = Math.max(1, regionWidth);
        regionHeight = Math.max(1, regionHeight);
        double scale = Math.min(1.0, (double) width / regionWidth);
        try {
            return Thumbnails.of(image)
                    .sourceRegion(Positions.CENTER, regionWidth, regionHeight)
                    .forceSize(Math.max(1, (int) Math.round(regionWidth * scale)), Math.max(1, (int)
                            Math.round(regionHeight * scale)))
                    .imageType(transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
        } catch (IOException e) {
            throw new DomainException(UNREADABLE);
        }
    }

    private static BufferedImage decode(PhotoFormat format, byte[] source) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(source))) {
            ImageReader reader = format.newReader();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new DomainException(UNREADABLE);
                }
                if ((long) width * height > MAX_PIXELS) {
                    throw new DomainException(
                            "this picture has more than " + MAX_PIXELS / 1_000_000 + " megapixels: send a smaller one");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(width, height);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new DomainException(UNREADABLE);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof DomainException refused) {
                throw refused;
            }
            throw new DomainException(UNREADABLE);
        }
    }

    /**
     * Big pictures are decoded at every n-th pixel, keeping at least twice the final size, so a 40 MP upload
     * takes about 40 MB to decode rather than 160.
     */
    static int subsampling(int width, int height) {
        int longSide = Math.max(width, height);
        return Math.max(1, (longSide + 2 * MAX_SIDE - 1) / (2 * MAX_SIDE));
    }

    /** Fitted into {@value #MAX_SIDE}×{@value #MAX_SIDE}, then turned upright (the box is square: either order). */
    private static BufferedImage upright(BufferedImage image, int orientation, boolean transparent) {
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        try {
            BufferedImage fitted = Thumbnails.of(image)
                    .forceSize(width, height)
                    .imageType(transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
            // Applied here, not as a builder filter: the builder would force the size again after turning.
            return orientation == 1
                    ? fitted
                    : ExifFilterUtils.getFilterForOrientation(Orientation.typeOf(orientation))
                            .apply(fitted);
        } catch (IOException e) {
            throw new DomainException(UNREADABLE);
        }
    }

    private static EncodedPhoto write(BufferedImage image, boolean png) {
        BufferedImage pixels = png ? image : opaque(image);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer =
                ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (!png) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            // No metadata given: the writer adds only what the format needs (JFIF for JPEG).
            writer.write(null, new IIOImage(pixels, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("could not encode a photo", e);
        } finally {
            writer.dispose();
        }
        return new EncodedPhoto(
                png ? "image/png" : "image/jpeg", bytes.toByteArray(), pixels.getWidth(), pixels.getHeight());
    }

    /** JPEG has no alpha channel: plain RGB pixels. */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private void acquire() {
        try {
            if (!decoding.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new TooManyAttempts(
                        "the server is busy with other photos: try again in a moment", Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to decode a photo", e);
        }
    }
}
