package ppvchat.photos.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.accounts.control.TokenHolders;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.chat.boundary.Chat;
import ppvchat.chat.boundary.ChatLine;
import ppvchat.photos.control.PhotoEncoder;
import ppvchat.photos.control.PhotoThrottle;
import ppvchat.photos.entity.ChatPhoto;
import ppvchat.photos.entity.EncodedPhoto;
import ppvchat.photos.entity.PhotoTooLarge;
import ppvchat.photos.entity.UnsupportedPhotoType;
import ppvchat.platform.entity.NotFound;

/**
 * Photos in a room's chat: a signed-in user present in the room shares one (the same rules as a chat line),
 * anyone holding its URL sees it, a moderator takes it down. Only the re-encoded photo is stored; a refused
 * upload stores nothing.
 */
@Stateless
public class Photos {

    /** What an upload may be declared as; the bytes decide what it really is. */
    public static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenHolders holders;

    @Inject
    PhotoThrottle throttle;

    @Inject
    PhotoEncoder encoder;

    @Inject
    Chat chat;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "ppv.photos.max-bytes", defaultValue = "10485760")
    long maxBytes;

    /**
     * Shares the picture in {@code body} in the performer's room, as the user the token names. Reading a slow
     * client's body and decoding happen outside any transaction, so neither holds a database connection; only
     * storing the photo and posting its line do ({@link #publish}). {@code declaredLength} is the request's
     * Content-Length (-1 when unknown): too large is refused before a byte is read.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SharedPhoto share(
            long webmasterId,
            String token,
            long performerId,
            String declaredType,
            long declaredLength,
            InputStream body) {
        ChatUser user = holders.userOf(webmasterId, token);
        if (!TYPES.contains(baseType(declaredType))) {
            throw new UnsupportedPhotoType();
        }
        if (declaredLength > maxBytes) {
            throw new PhotoTooLarge(maxBytes);
        }
        throttle.take(webmasterId, user.id());
        byte[] source = readAtMost(body, maxBytes);
        // Refuse who may not post before the costly decoding; publishing checks again after it.
        chat.requireMayPost(webmasterId, user.id(), performerId);
        EncodedPhoto encoded = encoder.encode(source);
        return context.getBusinessObject(Photos.class).publish(webmasterId, user.id(), performerId, encoded);
    }

    /** Stores the encoded photo and posts its chat line, in one short transaction. */
    public SharedPhoto publish(long webmasterId, long userId, long performerId, EncodedPhoto encoded) {
        ChatUser user = em.find(ChatUser.class, userId);
        ChatPhoto photo = ChatPhoto.share(user, performerId, encoded, clock.instant());
        em.persist(photo);
        ChatLine line = chat.share(
                webmasterId, user.id(), performerId, new ChatLine.Photo(photo.id(), photo.width(), photo.height()));
        return new SharedPhoto(line.id(), photo.id(), photo.width(), photo.height());
    }

    /** The photo's bytes; gone once removed. */
    public PhotoFile file(long webmasterId, String photoId) {
        ChatPhoto photo = find(webmasterId, photoId);
        return new PhotoFile(photo.contentType(), photo.content());
    }

    /** Takes the photo down: its bytes are dropped now, the row stays for the trail. */
    public void remove(long webmasterId, String photoId) {
        find(webmasterId, photoId).remove(clock.instant());
    }

    private ChatPhoto find(long webmasterId, String photoId) {
        ChatPhoto photo = photoId == null ? null : em.find(ChatPhoto.class, photoId);
        if (photo == null || !photo.belongsTo(webmasterId)) {
            throw new NotFound("no such photo");
        }
        return photo;
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** Reads the whole body, refusing it as soon as it passes the limit (it is never read further). */
    static byte[] readAtMost(InputStream body, long limit) {
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new PhotoTooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("the upload was cut off", e);
        }
    }
}
