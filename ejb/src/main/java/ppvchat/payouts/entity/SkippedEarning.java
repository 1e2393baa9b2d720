package ppvchat.payouts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An earning a run met and left unpaid, with the reason: reported to the accountant, paid by no statement. */
@Entity
@Table(name = "payout_skipped_earning")
public class SkippedEarning {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webmasterid", nullable = false, updatable = false)
    private long webmasterId;

    @Column(name = "run_id", nullable = false, updatable = false)
    private long runId;

    @Column(name = "earning_id", nullable = false, updatable = false)
    private long earningId;

    @Column(name = "performer_id", nullable = false, updatable = false)
    private long performerId;

    @NotNull
    @Size(max = 200)
    @Column(updatable = false)
    private String reason;

    protected SkippedEarning() {}

    public SkippedEarning(PayoutRun run, long earningId, long performerId, String reason) {
        this.webmasterId = run.webmasterId();
        this.runId = run.id();
        this.earningId = earningId;
        this.performerId = performerId;
        this.reason = reason.length() > 200 ? reason.substring(0, 200) : reason;
    }

    public long earningId() {
        return earningId;
    }

    public long performerId() {
        return performerId;
    }

    public String reason() {
        return reason;
    }
}
