package ppvchat.external.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One call that moves credits on a site's own server or reports to it (external mode), made or owed. Debits are
 * written before they are sent and confirmed with their ledger entry; refunds and reports are written with the
 * settlement that owes them and delivered until the site's server confirms. The key makes every call safe to
 * repeat, so delivering twice never moves credits twice.
 */
@Entity
@Table(name = "external_move")
@NamedQuery(
        name = ExternalMove.BY_KEY,
        query = "SELECT m FROM ExternalMove m WHERE m.webmasterId = :webmasterId AND m.moveKey = :key")
@NamedQuery(
        name = ExternalMove.DUE,
        query = "SELECT m.id FROM ExternalMove m WHERE m.status = ppvchat.external.entity.MoveStatus.PENDING"
                + " AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt")
@NamedQuery(
        name = ExternalMove.CONFIRMED_DEBITS_OF_SHOW,
        query = "SELECT m FROM ExternalMove m WHERE m.webmasterId = :webmasterId AND m.showId = :showId"
                + " AND m.kind = ppvchat.external.entity.MoveKind.DEBIT"
                + " AND m.status = ppvchat.external.entity.MoveStatus.CONFIRMED ORDER BY m.id")
@NamedQuery(
        name = ExternalMove.OF_SITE,
        query = "SELECT m FROM ExternalMove m WHERE m.webmasterId = :webmasterId AND m.createdAt >= :from"
                + " AND m.createdAt < :to ORDER BY m.id")
public class ExternalMove {

    public static final String BY_KEY = "ExternalMove.byKey";
    public static final String DUE = "ExternalMove.due";
    public static final String CONFIRMED_DEBITS_OF_SHOW = "ExternalMove.confirmedDebitsOfShow";
    public static final String OF_SITE = "ExternalMove.ofSite";

    /** A debit left pending this long was never booked here: its transaction rolled back or its node died. */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "host_user_id", nullable = false, updatable = false)
    private String hostUserId;

    @Column(name = "move_key", nullable = false, updatable = false)
    private String moveKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MoveKind kind;

    @Column(name = "debit_key", updatable = false)
    private String debitKey;

    @Column(nullable = false, updatable = false)
    private long credits;

    @Column(name = "show_id", updatable = false)
    private Long showId;

    /** The report's JSON, as it is sent. */
    @Column(updatable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MoveStatus status;

    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Version
    private long version;

    protected ExternalMove() {}

    private ExternalMove(
            long webmasterId,
            long userId,
            String hostUserId,
            String moveKey,
            MoveKind kind,
            long credits,
            Long showId,
            Instant now) {
        if (credits < 0) {
            throw new IllegalArgumentException("a move is never negative");
        }
        this.webmasterId = webmasterId;
        this.userId = userId;
        this.hostUserId = Objects.requireNonNull(hostUserId);
        this.moveKey = Objects.requireNonNull(moveKey);
        this.kind = kind;
        this.credits = credits;
        this.showId = showId;
        this.status = MoveStatus.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** A debit about to be sent; it is abandoned (and undone) unless confirmed within a minute. */
    public static ExternalMove debit(
            long webmasterId, long userId, String hostUserId, String key, long credits, Long showId, Instant now) {
        ExternalMove debit =
                new ExternalMove(webmasterId, userId, hostUserId, key, MoveKind.DEBIT, credits, showId, now);
        debit.nextAttemptAt = now.plus(ABANDONED_AFTER);
        return debit;
    }

    /** Gives back part or all of the debit {@code debitKey}. */
    public static ExternalMove refund(
            long webmasterId,
            long userId,
            String hostUserId,
            String key,
            String debitKey,
            long credits,
            Long showId,
            Instant now) {
        ExternalMove refund =
                new ExternalMove(webmasterId, userId, hostUserId, key, MoveKind.REFUND, credits, showId, now);
        refund.debitKey = Objects.requireNonNull(debitKey);
        return refund;
    }

    /** A finished show or a tip to report; {@code body} is the report's JSON. */
    public static ExternalMove report(
            long webmasterId,
            long userId,
            String hostUserId,
            String key,
            MoveKind kind,
            long credits,
            Long showId,
            String body,
            Instant now) {
        if (kind != MoveKind.SHOW_REPORT && kind != MoveKind.TIP_REPORT) {
            throw new IllegalArgumentException(kind + " is not a report");
        }
        ExternalMove report = new ExternalMove(webmasterId, userId, hostUserId, key, kind, credits, showId, now);
        report.body = Objects.requireNonNull(body);
        return report;
    }

    public void confirm(Instant now) {
        this.status = MoveStatus.CONFIRMED;
        this.confirmedAt = now;
        this.lastError = null;
    }

    public void refuse(String reason, Instant now) {
        this.status = MoveStatus.REFUSED;
        this.lastError = shorten(reason);
        this.confirmedAt = now;
    }

    public void voidIt(Instant now) {
        this.status = MoveStatus.VOID;
        this.confirmedAt = now;
    }

    /**
     * Not delivered this time: try again later, waiting twice as long after each failure from {@code first}, up to
     * ten minutes.
     */
    public void failed(String reason, Instant now, Duration first) {
        attempts++;
        lastError = shorten(reason);
        long seconds = Math.min(LONGEST_WAIT.toSeconds(), Math.max(1, first.toSeconds()) << Math.min(attempts - 1, 12));
        nextAttemptAt = now.plusSeconds(seconds);
    }

    private static String shorten(String text) {
        String reason = text == null ? "no reason given" : text;
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
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

    public String hostUserId() {
        return hostUserId;
    }

    public String key() {
        return moveKey;
    }

    public MoveKind kind() {
        return kind;
    }

    public String debitKey() {
        return debitKey;
    }

    public long credits() {
        return credits;
    }

    public Long showId() {
        return showId;
    }

    public String body() {
        return body;
    }

    public MoveStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }
}
