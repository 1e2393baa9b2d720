package ppvchat.rooms.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.performers.entity.Performer;
import ppvchat.platform.entity.DomainException;
import ppvchat.tenancy.entity.BillingPolicy;
import ppvchat.tenancy.entity.CreditRounding;

/**
 * A one-to-one show between a performer and a paying user. The rate is locked when it is requested; start
 * and end times are the server's; billed seconds and charged credits are recorded when it ends.
 */
@Entity
@Table(name = "private_show")
public class PrivateShow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @Column(name = "performer_id", nullable = false, updatable = false)
    private long performerId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @NotNull
    @Enumerated(EnumType.STRING)
    private ShowStatus status;

    @Positive
    @Column(name = "rate_per_minute", updatable = false)
    private int ratePerMinute;

    @NotNull
    @Column(name = "requested_at", updatable = false)
    private Instant requestedAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Min(0)
    @Column(name = "billed_seconds")
    private long billedSeconds;

    @Min(0)
    @Column(name = "credits_charged")
    private long creditsCharged;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    private EndReason endReason;

    /** Credits reserved from the user's balance while the show runs; zero once it is settled. */
    @Min(0)
    @Column(name = "held_credits")
    private long heldCredits;

    /** The metering node that runs the show: if it dies, the show is settled up to its last heartbeat. */
    @Column(name = "node", length = 64)
    private String node;

    /** Free seconds at the start, locked when the show starts. */
    @Min(0)
    @Column(name = "grace_seconds")
    private int graceSeconds;

    /** The rounding rule, locked when the show starts. */
    @Enumerated(EnumType.STRING)
    @Column(name = "rounding_rule", length = 10)
    private CreditRounding rounding;

    /** Billable seconds the held credits pay for; billing never goes beyond. */
    @Min(0)
    @Column(name = "covered_seconds")
    private long coveredSeconds;

    @Version
    private long version;

    protected PrivateShow() {}

    private PrivateShow(Performer performer, ChatUser user, Instant now) {
        if (performer.webmasterId() != user.webmasterId()) {
            throw new IllegalArgumentException("performer and user belong to different webmasters");
        }
        if (performer.user().equals(user)) {
            throw new DomainException("a performer cannot book their own show");
        }
        this.webmasterId = performer.webmasterId();
        this.performerId = performer.id();
        this.userId = user.id();
        this.ratePerMinute = performer.pricePerMinute();
        this.status = ShowStatus.REQUESTED;
        this.requestedAt = Objects.requireNonNull(now);
    }

    /** A request at the performer's current price, which stays the show's rate whatever happens later. */
    public static PrivateShow request(Performer performer, ChatUser user, Instant now) {
        return new PrivateShow(performer, user, now);
    }

    public void accept(Instant now) {
        moveTo(ShowStatus.ACCEPTED);
        acceptedAt = now;
    }

    /** Starts billing on {@code node}, with the grace period and rounding rule of the policy locked. */
    public void start(Instant now, String node, BillingPolicy policy) {
        moveTo(ShowStatus.RUNNING);
        this.startedAt = Objects.requireNonNull(now);
        this.node = Objects.requireNonNull(node);
        this.graceSeconds = policy.graceSeconds();
        this.rounding = policy.rounding();
    }

    public void decline() {
        moveTo(ShowStatus.DECLINED);
    }

    public void cancel() {
        moveTo(ShowStatus.CANCELLED);
    }

    public void expire() {
        moveTo(ShowStatus.EXPIRED);
    }

    /** The hold grew by {@code credits}; together they pay for {@code coveredSeconds} of billing. */
    public void holdMore(long credits, long coveredSeconds) {
        if (status != ShowStatus.RUNNING) {
            throw new DomainException("show " + id + " is " + status + " and holds nothing");
        }
        if (credits <= 0 || coveredSeconds < this.coveredSeconds) {
            throw new IllegalArgumentException("a hold only grows, and so do the seconds it covers");
        }
        heldCredits = Math.addExact(heldCredits, credits);
        this.coveredSeconds = coveredSeconds;
    }

    /**
     * Seconds billable from the start to {@code at}: whole seconds after the grace period, never beyond what
     * the hold covers. The one rule for live meters and for shows settled after their node died.
     */
    public static long billableSeconds(Instant startedAt, Instant at, int graceSeconds, long coveredSeconds) {
        long elapsed = Math.max(0, Duration.between(startedAt, at).toSeconds());
        return Math.min(coveredSeconds, Math.max(0, elapsed - graceSeconds));
    }

    /** What this show has to be billed if it stopped at {@code at}, judged from its stored facts alone. */
    public long billableSecondsAt(Instant at) {
        if (status != ShowStatus.RUNNING) {
            throw new IllegalStateException("show " + id + " is " + status + " and bills nothing");
        }
        return Math.max(billedSeconds, billableSeconds(startedAt, at, graceSeconds, coveredSeconds));
    }

    public void end(EndReason reason, Instant now, long billedSeconds, long creditsCharged) {
        if (billedSeconds < 0 || creditsCharged < 0) {
            throw new IllegalArgumentException("billed seconds and credits are never negative");
        }
        Objects.requireNonNull(reason);
        requireCanMoveTo(ShowStatus.ENDED);
        if (creditsCharged > heldCredits) {
            throw new IllegalArgumentException("a show never charges more than it held");
        }
        moveTo(ShowStatus.ENDED);
        this.heldCredits = 0;
        this.endReason = reason;
        this.endedAt = now;
        this.billedSeconds = billedSeconds;
        this.creditsCharged = creditsCharged;
    }

    private void moveTo(ShowStatus next) {
        requireCanMoveTo(next);
        status = next;
    }

    private void requireCanMoveTo(ShowStatus next) {
        if (!status.canMoveTo(next)) {
            throw new DomainException("show " + id + " is " + status + " and cannot become " + next);
        }
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

    public long userId() {
        return userId;
    }

    public ShowStatus status() {
        return status;
    }

    public int ratePerMinute() {
        return ratePerMinute;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public long billedSeconds() {
        return billedSeconds;
    }

    public long creditsCharged() {
        return creditsCharged;
    }

    public EndReason endReason() {
        return endReason;
    }

    public long heldCredits() {
        return heldCredits;
    }

    public String node() {
        return node;
    }

    public int graceSeconds() {
        return graceSeconds;
    }

    public CreditRounding rounding() {
        return rounding;
    }

    public long coveredSeconds() {
        return coveredSeconds;
    }
}
