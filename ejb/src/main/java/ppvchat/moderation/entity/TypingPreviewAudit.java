package ppvchat.moderation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Objects;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Role;

/** One time a staff member started watching what users type in a room. Append-only. */
@Entity
@Table(name = "typing_preview_audit")
@NamedQuery(
        name = TypingPreviewAudit.OF_WEBMASTER,
        query = "SELECT a FROM TypingPreviewAudit a WHERE a.webmasterId = :webmasterId"
                + " ORDER BY a.startedAt DESC, a.id DESC")
public class TypingPreviewAudit {

    public static final String OF_WEBMASTER = "TypingPreviewAudit.ofWebmaster";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @Column(name = "performer_id", nullable = false, updatable = false)
    private long performerId;

    @Column(name = "viewer_user_id", nullable = false, updatable = false)
    private long viewerUserId;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "viewer_role", updatable = false)
    private Role viewerRole;

    @NotNull
    @Column(name = "started_at", updatable = false)
    private Instant startedAt;

    protected TypingPreviewAudit() {}

    public TypingPreviewAudit(ChatUser viewer, long performerId, Instant startedAt) {
        if (!viewer.role().mayEverSeeLiveTyping()) {
            throw new IllegalArgumentException(viewer.role() + " may never watch live typing");
        }
        this.webmasterId = viewer.webmasterId();
        this.performerId = performerId;
        this.viewerUserId = viewer.id();
        this.viewerRole = viewer.role();
        this.startedAt = Objects.requireNonNull(startedAt);
    }

    public Long id() {
        return id;
    }

    public long webmasterId() {
        return webmasterId;
    }

    public long performerId() {
        return performerId;
    }

    public long viewerUserId() {
        return viewerUserId;
    }

    public Role viewerRole() {
        return viewerRole;
    }

    public Instant startedAt() {
        return startedAt;
    }
}
