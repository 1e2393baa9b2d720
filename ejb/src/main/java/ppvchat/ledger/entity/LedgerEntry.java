package ppvchat.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import ppvchat.accounts.entity.ChatUser;

/**
 * One change to one user's credits: append-only, never updated. The idempotency key is unique per
 * webmaster, so replaying the same purchase, tip or charge cannot post it twice.
 */
@Entity
@Table(name = "ledger_entry")
@NamedQuery(
        name = LedgerEntry.OF_USER,
        query = "SELECT e FROM LedgerEntry e WHERE e.webmasterId = :webmasterId AND e.userId = :userId ORDER BY e.id")
@NamedQuery(
        name = LedgerEntry.BY_KEY,
        query = "SELECT e FROM LedgerEntry e WHERE e.webmasterId = :webmasterId AND e.idempotencyKey = :key")
public class LedgerEntry {

    public static final String OF_USER = "LedgerEntry.ofUser";
    public static final String BY_KEY = "LedgerEntry.byKey";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private EntryKind kind;

    @Column(updatable = false)
    private long credits;

    @Min(0)
    @Column(name = "balance_after", updatable = false)
    private long balanceAfter;

    @NotNull
    @Pattern(regexp = "[\\x21-\\x7E]{1,120}", message = "is 1-120 printable ASCII characters")
    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;

    @Column(name = "show_id", updatable = false)
    private Long showId;

    @Column(name = "tip_id", updatable = false)
    private Long tipId;

    @Column(name = "paypal_id", updatable = false)
    private Long paypalId;

    @Size(max = 100)
    @Column(updatable = false)
    private String actor;

    @Size(max = 500)
    @Column(updatable = false)
    private String reason;

    @NotNull
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    protected LedgerEntry() {}

    private LedgerEntry(ChatUser user, EntryKind kind, long credits, String idempotencyKey, Instant now) {
        if (!kind.accepts(credits)) {
            throw new IllegalArgumentException(kind + " cannot move a balance by " + credits);
        }
        this.webmasterId = user.webmasterId();
        this.userId = user.id();
        this.kind = kind;
        this.credits = credits;
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey);
        this.createdAt = Objects.requireNonNull(now);
        this.balanceAfter = user.applyLedgerAmount(credits);
    }

    /** Posts an entry and moves the user's cached balance with it; both are persisted together. */
    public static LedgerEntry post(ChatUser user, EntryKind kind, long credits, String idempotencyKey, Instant now) {
        if (kind == EntryKind.ADJUSTMENT) {
            throw new IllegalArgumentException("adjustments need an actor and a reason");
        }
        return new LedgerEntry(user, kind, credits, idempotencyKey, now);
    }

    public static LedgerEntry adjust(
            ChatUser user, long credits, String actor, String reason, String idempotencyKey, Instant now) {
        if (actor == null || actor.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an adjustment names who made it and why");
        }
        LedgerEntry entry = new LedgerEntry(user, EntryKind.ADJUSTMENT, credits, idempotencyKey, now);
        entry.actor = actor.strip();
        entry.reason = reason.strip();
        return entry;
    }

    public LedgerEntry forShow(long showId) {
        this.showId = showId;
        return this;
    }

    public LedgerEntry forTip(long tipId) {
        this.tipId = tipId;
        return this;
    }

    public LedgerEntry forPaypal(long paypalId) {
        this.paypalId = paypalId;
        return this;
    }

    public Long id() {
        return id;
    }

    public long webmasterId() {
        return webmasterId;
    }

    public long userId() {
        return userId;
    }

    public EntryKind kind() {
        return kind;
    }

    public long credits() {
        return credits;
    }

    public long balanceAfter() {
        return balanceAfter;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Long showId() {
        return showId;
    }

    public Long tipId() {
        return tipId;
    }

    public Long paypalId() {
        return paypalId;
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
