package ppvchat.photos.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import ppvchat.accounts.entity.ChatUser;

/**
 * A photo someone shared in a room's chat, as re-encoded on upload. Its id is random, so its URL cannot be
 * guessed. Removing it drops the bytes and keeps the row, so the moderation trail can still name it.
 */
@Entity
@Table(name = "chat_photo")
public class ChatPhoto {

    /** What MEDIUMBLOB holds. */
    public static final int MAX_BYTES = 16 * 1024 * 1024 - 1;

    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png");

    @Id
    @Size(min = 36, max = 36)
    private String id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @Column(name = "performer_id", nullable = false, updatable = false)
    private long performerId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @NotNull
    @Column(name = "content_type", updatable = false)
    private String contentType;

    @Positive
    @Column(updatable = false)
    private int width;

    @Positive
    @Column(updatable = false)
    private int height;

    @Positive
    @Max(MAX_BYTES)
    @Column(name = "byte_count", updatable = false)
    private int byteCount;

    // Loaded with the row: lazy loading it (a fetch group) undid the removal time set beside it.
    @Lob
    private byte[] content;

    @NotNull
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    protected ChatPhoto() {}

    private ChatPhoto(ChatUser author, long performerId, EncodedPhoto photo, Instant now) {
        if (!TYPES.contains(photo.contentType())) {
            throw new IllegalArgumentException("chat photos are stored as JPEG or PNG, not " + photo.contentType());
        }
        byte[] bytes = photo.content();
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("a stored photo has between 1 and " + MAX_BYTES + " bytes");
        }
        if (photo.width() <= 0 || photo.height() <= 0) {
            throw new IllegalArgumentException("a photo has a positive width and height");
        }
        this.id = UUID.randomUUID().toString();
        this.webmasterId = author.webmasterId();
        this.performerId = performerId;
        this.userId = author.id();
        this.contentType = photo.contentType();
        this.width = photo.width();
        this.height = photo.height();
        this.byteCount = bytes.length;
        this.content = bytes;
        this.createdAt = Objects.requireNonNull(now);
    }

    /** The author shares the (already re-encoded) photo in the performer's room. */
    public static ChatPhoto share(ChatUser author, long performerId, EncodedPhoto photo, Instant now) {
        return new ChatPhoto(author, performerId, photo, now);
    }

    /** Taken down: the bytes go now, the row stays. Removing twice keeps the first time. */
    public void remove(Instant now) {
        if (removedAt == null) {
            content = null;
            removedAt = Objects.requireNonNull(now);
        }
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    public boolean belongsTo(long webmasterId) {
        return this.webmasterId == webmasterId;
    }

    /** The stored bytes; a removed photo has none. */
    public byte[] content() {
        if (isRemoved()) {
            throw new PhotoRemoved();
        }
        return content.clone();
    }

    public String id() {
        return id;
    }

    public long performerId() {
        return performerId;
    }

    public long userId() {
        return userId;
    }

    public String contentType() {
        return contentType;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int byteCount() {
        return byteCount;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant removedAt() {
        return removedAt;
    }
}
