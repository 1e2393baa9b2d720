package ppvchat.performers.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** One photo of a performer; the first ({@code sortOrder} 0) is the wall avatar. */
@Entity
@Table(name = "performer_photo")
@NamedQuery(
        name = PerformerPhoto.OF_PERFORMER,
        query = "SELECT f FROM PerformerPhoto f WHERE f.webmasterId = :webmasterId AND f.performerId = :performerId"
                + " ORDER BY f.sortOrder")
public class PerformerPhoto {

    public static final String OF_PERFORMER = "PerformerPhoto.ofPerformer";
    /** Upper bound that keeps a photo well inside MEDIUMBLOB and a page fast. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Wall tiles are square: photos are cut to a square of this many pixels (smaller pictures stay smaller). */
    public static final int SIDE = 800;

    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/webp", "image/svg+xml");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @Column(name = "performer_id", nullable = false, updatable = false)
    private long performerId;

    @Column(name = "sort_order")
    private int sortOrder;

    @NotNull
    @Column(name = "content_type")
    private String contentType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @NotNull
    private byte[] content;

    @NotNull
    @Column(name = "created_at")
    private Instant createdAt;

    protected PerformerPhoto() {}

    public PerformerPhoto(Performer performer, int sortOrder, String contentType, byte[] content, Instant createdAt) {
        if (!TYPES.contains(contentType)) {
            throw new IllegalArgumentException("photos are JPEG, PNG or WebP, not " + contentType);
        }
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw new IllegalArgumentException("a photo has between 1 byte and " + MAX_BYTES + " bytes");
        }
        if (sortOrder < 0) {
            throw new IllegalArgumentException("sort order starts at 0");
        }
        this.webmasterId = performer.webmasterId();
        this.performerId = performer.id();
        this.sortOrder = sortOrder;
        this.contentType = contentType;
        this.content = content.clone();
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** Where the photo stands among the performer's photos; the lowest is the wall avatar. */
    public void moveTo(int sortOrder) {
        if (sortOrder < 0) {
            throw new IllegalArgumentException("sort order starts at 0");
        }
        this.sortOrder = sortOrder;
    }

    public Long id() {
        return id;
    }

    public boolean belongsTo(long webmasterId) {
        return this.webmasterId == webmasterId;
    }

    public long performerId() {
        return performerId;
    }

    public int sortOrder() {
        return sortOrder;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] content() {
        return content.clone();
    }
}
