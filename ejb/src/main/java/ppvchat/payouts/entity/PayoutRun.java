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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import ppvchat.platform.entity.DomainException;

/**
 * One payout run of one site for one period: what the console shows as history and progress. Unique per
 * site and period, so a second request for the same period finds this run instead of paying again.
 */
@Entity
@Table(name = "payout_run")
public class PayoutRun {

    /** Who asks for the runs the calendar starts. */
    public static final String SCHEDULE = "schedule";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @NotNull
    @Column(name = "period_start", updatable = false)
    private LocalDate periodStart;

    @NotNull
    @Column(name = "period_end", updatable = false)
    private LocalDate periodEnd;

    @NotNull
    @Column(name = "time_zone", updatable = false)
    private String timeZone;

    @NotNull
    @Enumerated(EnumType.STRING)
    private RunStatus status;

    @NotNull
    @Column(name = "requested_by", updatable = false)
    private String requestedBy;

    @NotNull
    @Column(name = "requested_at", updatable = false)
    private Instant requestedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    private String node;

    private int attempts;

    @Column(name = "performers_total")
    private int performersTotal;

    @Column(name = "performers_done")
    private int performersDone;

    @Column(name = "statements_made")
    private int statementsMade;

    @Column(name = "earnings_paid")
    private long earningsPaid;

    @Column(name = "earnings_skipped")
    private int earningsSkipped;

    private String failure;

    @Version
    private long version;

    protected PayoutRun() {}

    public PayoutRun(long webmasterId, PayoutPeriod period, ZoneId zone, String requestedBy, Instant now) {
        if (requestedBy == null || requestedBy.isBlank() || requestedBy.length() > 64) {
            throw new DomainException("a payout run names who asked for it");
        }
        this.webmasterId = webmasterId;
        this.periodStart = period.start();
        this.periodEnd = period.end();
        this.timeZone = zone.getId();
        this.requestedBy = requestedBy;
        this.requestedAt = Objects.requireNonNull(now);
        this.status = RunStatus.QUEUED;
    }

    /** A job execution takes the run on this node: the first attempt, or a resumption after a failure or crash. */
    public void begin(String node, Instant now) {
        if (status == RunStatus.COMPLETED) {
            throw new DomainException("payout run " + id + " has completed; its period is paid");
        }
        this.status = RunStatus.RUNNING;
        this.node = node;
        this.attempts++;
        this.heartbeatAt = now;
        this.failure = null;
        if (startedAt == null) {
            startedAt = now;
        }
    }

    /** The performers the run found to pay, counted once: a resumed run keeps the first count. */
    public void expect(int performers) {
        if (performersTotal == 0) {
            performersTotal = performers;
        }
        performersTotal = Math.max(performersTotal, performersDone);
    }

    /** A chunk of performers committed together with their statements. */
    public void progress(int performers, int statements, long earnings, int skipped, Instant now) {
        performersDone += performers;
        performersTotal = Math.max(performersTotal, performersDone);
        statementsMade += statements;
        earningsPaid += earnings;
        earningsSkipped += skipped;
        heartbeatAt = now;
    }

    public void complete(Instant now) {
        status = RunStatus.COMPLETED;
        performersTotal = performersDone;
        finishedAt = now;
        heartbeatAt = now;
    }

    public void fail(String reason, Instant now) {
        status = RunStatus.FAILED;
        failure = reason == null ? "failed" : reason.substring(0, Math.min(reason.length(), 500));
        finishedAt = now;
        heartbeatAt = now;
    }

    public boolean isActive() {
        return status == RunStatus.QUEUED || status == RunStatus.RUNNING;
    }

    public PayoutPeriod period() {
        return new PayoutPeriod(periodStart, periodEnd);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Instant endsAt() {
        return period().endIn(zone());
    }

    public Long id() {
        return id;
    }

    public long webmasterId() {
        return webmasterId;
    }

    public RunStatus status() {
        return status;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Instant heartbeatAt() {
        return heartbeatAt;
    }

    public String node() {
        return node;
    }

    public int attempts() {
        return attempts;
    }

    public int performersTotal() {
        return performersTotal;
    }

    public int performersDone() {
        return performersDone;
    }

    public int statementsMade() {
        return statementsMade;
    }

    public long earningsPaid() {
        return earningsPaid;
    }

    public int earningsSkipped() {
        return earningsSkipped;
    }

    public String failure() {
        return failure;
    }
}
