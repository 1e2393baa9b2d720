package ppvchat.payouts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import ppvchat.platform.entity.DomainException;

/**
 * What the webmaster owes one performer for one period [start, end). Unique per performer and period, so
 * running the payout job twice for the same period cannot produce a second statement.
 */
@Entity
@Table(name = "payout_statement")
public class PayoutStatement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @Column(name = "performer_id", nullable = false, updatable = false)
    private long performerId;

    @NotNull
    @Column(name = "period_start", updatable = false)
    private LocalDate periodStart;

    @NotNull
    @Column(name = "period_end", updatable = false)
    private LocalDate periodEnd;

    @Column(name = "tips_count")
    private int tipsCount;

    @Column(name = "tips_credits")
    private long tipsCredits;

    @Column(name = "shows_count")
    private int showsCount;

    @Column(name = "shows_seconds")
    private long showsSeconds;

    @Column(name = "shows_credits")
    private long showsCredits;

    @NotNull
    private BigDecimal gross;

    @NotNull
    @Column(name = "performer_benefit")
    private BigDecimal performerBenefit;

    @NotNull
    private String currency;

    @NotNull
    @Enumerated(EnumType.STRING)
    private StatementStatus status;

    @NotNull
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "paid_by")
    private String paidBy;

    /** The bank or PayPal reference of the transfer that paid it, as the accountant typed it. */
    @Column(name = "paid_reference")
    private String paidReference;

    @Column(name = "run_id", updatable = false)
    private Long runId;

    @Version
    private long version;

    protected PayoutStatement() {}

    public PayoutStatement(
            long webmasterId,
            long performerId,
            LocalDate periodStart,
            LocalDate periodEnd,
            StatementTotals totals,
            String currency,
            Instant now) {
        if (!periodEnd.isAfter(periodStart)) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
        this.webmasterId = webmasterId;
        this.performerId = performerId;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.tipsCount = totals.tipsCount();
        this.tipsCredits = totals.tipsCredits();
        this.showsCount = totals.showsCount();
        this.showsSeconds = totals.showsSeconds();
        this.showsCredits = totals.showsCredits();
        this.gross = totals.gross();
        this.performerBenefit = totals.performerBenefit();
        this.currency = Objects.requireNonNull(currency);
        this.status = StatementStatus.OPEN;
        this.createdAt = Objects.requireNonNull(now);
    }

    /** A statement a run opens for a performer before it marks the earnings it pays; counted once marked. */
    public static PayoutStatement opened(PayoutRun run, long performerId, String currency, Instant now) {
        PayoutStatement statement = new PayoutStatement(
                run.webmasterId(),
                performerId,
                run.period().start(),
                run.period().end(),
                StatementTotals.NONE,
                currency,
                now);
        statement.runId = run.id();
        return statement;
    }

    /** The totals of the earnings marked with this statement, as the database added them up. */
    public void count(StatementTotals totals) {
        requireStatus(StatementStatus.OPEN, "counted");
        this.tipsCount = totals.tipsCount();
        this.tipsCredits = totals.tipsCredits();
        this.showsCount = totals.showsCount();
        this.showsSeconds = totals.showsSeconds();
        this.showsCredits = totals.showsCredits();
        this.gross = totals.gross();
        this.performerBenefit = totals.performerBenefit();
    }

    public void approve(String accountant, Instant now) {
        Objects.requireNonNull(accountant);
        requireStatus(StatementStatus.OPEN, "approved");
        status = StatementStatus.APPROVED;
        approvedBy = accountant;
        approvedAt = now;
    }

    public void markPaid(String accountant, String reference, Instant now) {
        Objects.requireNonNull(accountant);
        String ref = reference == null ? "" : reference.strip();
        if (ref.length() > 100) {
            throw new DomainException("a payment reference has at most 100 characters");
        }
        requireStatus(StatementStatus.APPROVED, "paid");
        status = StatementStatus.PAID;
        paidBy = accountant;
        paidAt = now;
        paidReference = ref.isEmpty() ? null : ref;
    }

    private void requireStatus(StatementStatus expected, String action) {
        if (status != expected) {
            throw new DomainException("statement " + id + " is " + status + "; only " + expected + " can be " + action);
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

    public LocalDate periodStart() {
        return periodStart;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    public StatementTotals totals() {
        return new StatementTotals(
                tipsCount, tipsCredits, showsCount, showsSeconds, showsCredits, gross, performerBenefit);
    }

    public String currency() {
        return currency;
    }

    public StatementStatus status() {
        return status;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public String paidBy() {
        return paidBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public String paidReference() {
        return paidReference;
    }

    public Long runId() {
        return runId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public BigDecimal performerBenefit() {
        return performerBenefit;
    }
}
