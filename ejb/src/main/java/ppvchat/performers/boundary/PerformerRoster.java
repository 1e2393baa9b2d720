package ppvchat.performers.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ppvchat.accounts.boundary.ChatSignIn;
import ppvchat.accounts.control.PasswordHashing;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;
import ppvchat.performers.entity.Performer;
import ppvchat.performers.entity.PerformerPhoto;
import ppvchat.performers.entity.PerformerStatus;
import ppvchat.photos.control.PhotoEncoder;
import ppvchat.photos.entity.EncodedPhoto;
import ppvchat.photos.entity.PhotoTooLarge;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.boundary.Rooms;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.Webmaster;

/**
 * A site's performers as its admins manage them in the console: found by name a page at a time, created with
 * the login they use on the performer page, their profile, price and percentage changed, their photos added,
 * removed and reordered, disabled and enabled again, their password reset. Every method names the site; another
 * site's performer or photo is not found and nothing of it changes. A refusal saves nothing.
 */
@Stateless
public class PerformerRoster {

    /** How many photos a performer may have: enough for a gallery, few enough for a page. */
    public static final int MAX_PHOTOS = 12;

    /** A performer in the console's list. {@code percentage} is null when the site's default applies. */
    public record Listed(
            long id,
            String username,
            String displayName,
            int pricePerMinute,
            BigDecimal percentage,
            BigDecimal earningPercentage,
            PerformerStatus status,
            long photos,
            boolean disabled)
            implements Serializable {}

    /** One performer as the edit form shows them; {@code photoIds} in wall order, the first is the avatar. */
    public record Profile(
            long id,
            String username,
            String displayName,
            String headline,
            int pricePerMinute,
            BigDecimal percentage,
            BigDecimal earningPercentage,
            PerformerStatus status,
            boolean disabled,
            List<Long> photoIds)
            implements Serializable {}

    /** What a performer's profile may be: the site's price range and default percentage, the largest upload. */
    public record Limits(int minPricePerMinute, int maxPricePerMinute, BigDecimal defaultPercentage, long maxPhotoBytes)
            implements Serializable {}

    /** The fields the form sends; a null percentage means the site's default. */
    public record Details(String displayName, String headline, Integer pricePerMinute, BigDecimal percentage)
            implements Serializable {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Webmasters webmasters;

    @Inject
    PasswordHashing passwords;

    @Inject
    PhotoEncoder encoder;

    @Inject
    LiveRooms live;

    @Inject
    Rooms rooms;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "ppv.photos.max-bytes", defaultValue = "10485760")
    long maxUploadBytes;

    public List<Listed> search(long webmasterId, String query, int first, int max) {
        Webmaster site = webmasters.find(webmasterId);
        List<Performer> found = matching(webmasterId, query, "SELECT p", Performer.class)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, 200)))
                .getResultList();
        Map<Long, Long> photos = found.isEmpty()
                ? Map.of()
                : em.createQuery(
                                "SELECT f.performerId, COUNT(f) FROM PerformerPhoto f WHERE f.webmasterId = :w"
                                        + " AND f.performerId IN :ids GROUP BY f.performerId",
                                Object[].class)
                        .setParameter("w", webmasterId)
                        .setParameter("ids", found.stream().map(Performer::id).toList())
                        .getResultStream()
                        .collect(Collectors.toMap(row -> (Long) row[0], row -> ((Number) row[1]).longValue()));
        return found.stream()
                .map(p -> new Listed(
                        p.id(),
                        p.user().username(),
                        p.displayName(),
                        p.pricePerMinute(),
                        p.percentage(),
                        p.earningPercentage(site),
                        live.statusOf(p.id()),
                        photos.getOrDefault(p.id(), 0L),
                        p.isDisabled()))
                .toList();
    }

    public long count(long webmasterId, String query) {
        return matching(webmasterId, query, "SELECT COUNT(p)", Long.class).getSingleResult();
    }

    public Limits limits(long webmasterId) {
        Webmaster site = webmasters.find(webmasterId);
        return new Limits(site.minPricePerMinute(), site.maxPricePerMinute(), site.defaultPercentage(), maxUploadBytes);
    }

    public Profile profile(long webmasterId, long performerId) {
        Performer performer = performer(webmasterId, performerId, LockModeType.NONE);
        Webmaster site = webmasters.find(webmasterId);
        return new Profile(
                performer.id(),
                performer.user().username(),
                performer.displayName(),
                performer.headline(),
                performer.pricePerMinute(),
                performer.percentage(),
                performer.earningPercentage(site),
                live.statusOf(performer.id()),
                performer.isDisabled(),
                photoIds(webmasterId, performerId));
    }

    /**
     * A new performer with a password login for the performer page. The username is unique on the site (in
     * any case); display name, price and percentage follow the same rules as an edit.
     */
    public long create(long webmasterId, String username, String password, Details details) {
        Webmaster site = webmasters.find(webmasterId);
        String name = ChatSignIn.username(username);
        if (usernameTaken(webmasterId, name)) {
            throw new DomainException("the username " + name + " is taken on this site: choose another");
        }
        ChatUser user =
                new ChatUser(webmasterId, "performer-" + UUID.randomUUID(), name, Role.PERFORMER, clock.instant());
        Performer performer = valid(() -> {
            Performer created = new Performer(site, user, details.displayName(), price(details, site), clock.instant());
            created.describe(details.headline());
            created.overridePercentage(details.percentage());
            return created;
        });
        user.signInWith(passwords.hash(password));
        try {
            em.persist(user);
            em.persist(performer);
            em.flush();
        } catch (PersistenceException taken) {
            // Another admin took the name between the check and the insert.
            throw new DomainException("the username " + name + " is taken on this site: choose another");
        }
        return performer.id();
    }

    public void edit(long webmasterId, long performerId, Details details) {
        Webmaster site = webmasters.find(webmasterId);
        Performer performer = performer(webmasterId, performerId, LockModeType.PESSIMISTIC_WRITE);
        valid(() -> {
            performer.rename(details.displayName());
            performer.describe(details.headline());
            performer.reprice(price(details, site), site);
            performer.overridePercentage(details.percentage());
            return performer;
        });
    }

    /** Off the wall, no sign-in, no going live; a live performer is taken offline and a running show ends. */
    public void disable(long webmasterId, long performerId) {
        Performer performer = performer(webmasterId, performerId, LockModeType.PESSIMISTIC_WRITE);
        performer.disable(clock.instant());
        rooms.takeOffline(webmasterId, performerId);
    }

    public void enable(long webmasterId, long performerId) {
        performer(webmasterId, performerId, LockModeType.PESSIMISTIC_WRITE).enable();
    }

    /** A new password for the performer page; the old one stops working. */
    public void resetPassword(long webmasterId, long performerId, String password) {
        Performer performer = performer(webmasterId, performerId, LockModeType.PESSIMISTIC_WRITE);
        performer.user().signInWith(passwords.hash(password));
    }

    /**
     * Adds a photo from the uploaded bytes, last in the performer's order. What the file is, is told from its
     * bytes; it is turned upright, cut to the wall's square and written anew without its metadata. Reading and
     * decoding happen outside any transaction; only storing the photo takes one ({@link #keepPhoto}).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long addPhoto(long webmasterId, long performerId, byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new DomainException("choose a picture to upload");
        }
        if (upload.length > maxUploadBytes) {
            throw new PhotoTooLarge(maxUploadBytes);
        }
        requireRoomForPhoto(webmasterId, performer(webmasterId, performerId, LockModeType.NONE));
        EncodedPhoto encoded = encoder.encodeCropped(upload, PerformerPhoto.SIDE, PerformerPhoto.SIDE);
        return context.getBusinessObject(PerformerRoster.class).keepPhoto(webmasterId, performerId, encoded);
    }

    /** Stores a photo already re-encoded by {@link #addPhoto}, after the performer's other photos. */
    public long keepPhoto(long webmasterId, long performerId, EncodedPhoto encoded) {
        Performer performer = performer(webmasterId, performerId, LockModeType.PESSIMISTIC_WRITE);
        requireRoomForPhoto(webmasterId, performer);
        Number last = (Number) em.createQuery("SELECT MAX(f.sortOrder) FROM PerformerPhoto f WHERE f.webmasterId = :w"
                        + " AND f.performerId = :p")
                .setParameter("w", webmasterId)
                .setParameter("p", performerId)
                .getSingleResult();
        int next = last == null ? 0 : last.intValue() + 1;
        if (encoded.content().length > PerformerPhoto.MAX_BYTES) {
            throw new DomainException("this picture is too detailed to keep as a wall photo: send a JPEG instead");
        }
        PerformerPhoto photo = valid(
                () -> new PerformerPhoto(performer, next, encoded.contentType(), encoded.content(), clock.instant()));
        em.persist(photo);
        em.flush();
        return photo.id();
    }

    public void removePhoto(long webmasterId, long performerId, long photoId) {
        performer(webmasterId, performerId, LockModeType.PESSIMISTIC_WRITE);
        em.remove(photo(webmasterId, performerId, photoId));
    }

    /** Makes the photo the performer's avatar on the wall; the others keep their order after it. */
    public void putFirst(long webmasterId, long performerId, long photoId) {
        performer(webmasterId, performerId, LockModeType.PESSIMISTIC_WRITE);
        PerformerPhoto first = photo(webmasterId, performerId, photoId);
        List<PerformerPhoto> photos = em.createNamedQuery(PerformerPhoto.OF_PERFORMER, PerformerPhoto.class)
                .setParameter("webmasterId", webmasterId)
                .setParameter("performerId", performerId)
                .getResultList();
        // Each order is unique per performer: move all out of the way first, then into their places.
        for (int i = 0; i < photos.size(); i++) {
            photos.get(i).moveTo(MAX_PHOTOS * 100 + i);
        }
        em.flush();
        first.moveTo(0);
        int next = 1;
        for (PerformerPhoto photo : photos) {
            if (photo != first) {
                photo.moveTo(next++);
            }
        }
        em.flush();
    }

    private List<Long> photoIds(long webmasterId, long performerId) {
        return em.createQuery(
                        "SELECT f.id FROM PerformerPhoto f WHERE f.webmasterId = :w AND f.performerId = :p"
                                + " ORDER BY f.sortOrder",
                        Long.class)
                .setParameter("w", webmasterId)
                .setParameter("p", performerId)
                .getResultList();
    }

    private void requireRoomForPhoto(long webmasterId, Performer performer) {
        long photos = em.createQuery(
                        "SELECT COUNT(f) FROM PerformerPhoto f WHERE f.webmasterId = :w AND f.performerId = :p",
                        Long.class)
                .setParameter("w", webmasterId)
                .setParameter("p", performer.id())
                .getSingleResult();
        if (photos >= MAX_PHOTOS) {
            throw new DomainException(
                    "a performer has at most " + MAX_PHOTOS + " photos: remove one before adding another");
        }
    }

    private Performer performer(long webmasterId, long performerId, LockModeType lock) {
        Performer performer = lock == LockModeType.NONE
                ? em.find(Performer.class, performerId)
                : em.find(Performer.class, performerId, lock);
        if (performer == null || performer.webmasterId() != webmasterId) {
            throw new NotFound("no performer " + performerId + " on this site");
        }
        return performer;
    }

    private PerformerPhoto photo(long webmasterId, long performerId, long photoId) {
        PerformerPhoto photo = em.find(PerformerPhoto.class, photoId);
        if (photo == null || !photo.belongsTo(webmasterId) || photo.performerId() != performerId) {
            throw new NotFound("no photo " + photoId + " of this performer");
        }
        return photo;
    }

    private boolean usernameTaken(long webmasterId, String name) {
        return em.createNamedQuery(ChatUser.BY_USERNAME, ChatUser.class)
                .setParameter("webmasterId", webmasterId)
                .setParameter("username", name.toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst()
                .isPresent();
    }

    private static int price(Details details, Webmaster site) {
        if (details.pricePerMinute() == null) {
            throw new DomainException("give the price per minute, between " + site.minPricePerMinute() + " and "
                    + site.maxPricePerMinute() + " credits");
        }
        return details.pricePerMinute();
    }

    /** Name, display name and performer matching the text in any case; everyone for no text. */
    private <T> TypedQuery<T> matching(long webmasterId, String query, String select, Class<T> type) {
        String text = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        String order = type == Performer.class ? " ORDER BY p.displayName, p.id" : "";
        return em.createQuery(
                        select + " FROM Performer p WHERE p.webmasterId = :w AND (:text = ''"
                                + " OR LOWER(p.displayName) LIKE :like ESCAPE '!'"
                                + " OR LOWER(p.user.username) LIKE :like ESCAPE '!')" + order,
                        type)
                .setParameter("w", webmasterId)
                .setParameter("text", text)
                .setParameter(
                        "like", "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }

    private static <T> T valid(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException | NullPointerException broken) {
            throw new DomainException(
                    broken.getMessage() == null ? "a performer's field is missing" : broken.getMessage());
        }
    }
}
