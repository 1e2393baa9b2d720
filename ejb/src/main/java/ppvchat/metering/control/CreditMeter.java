package ppvchat.metering.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import ppvchat.rooms.entity.PrivateShow;
import ppvchat.tenancy.entity.BillingPolicy;
import ppvchat.tenancy.entity.CreditRounding;

/**
 * Meters one running private show in memory: seconds since the server-side start, less the grace
 * period, billed at the rate locked when the show was requested, never beyond the credits held for it.
 * Warnings count what the user can still spend in total: the hold plus their spare credits outside it.
 * Pure arithmetic over the instants it is given, so tests drive it with a fake clock. Thread-safe: the
 * tick and the request that ends a show may read it at the same time.
 */
public final class CreditMeter {

    private final long showId;
    private final long userId;
    private final int ratePerMinute;
    private final int graceSeconds;
    private final long minBalanceToStay;
    private final CreditRounding rounding;
    private final List<Integer> warnings;
    private final int extendBelowSeconds;
    private final Instant startedAt;

    private long heldCredits;
    private long spareCredits;
    private long billedSeconds;
    private Integer lowestWarned;

    public CreditMeter(
            long showId,
            long userId,
            int ratePerMinute,
            BillingPolicy policy,
            int extendBelowSeconds,
            Instant startedAt,
            long heldCredits,
            long spareCredits,
            long billedSeconds) {
        if (ratePerMinute <= 0 || heldCredits < 0 || spareCredits < 0 || billedSeconds < 0 || extendBelowSeconds < 0) {
            throw new IllegalArgumentException("rate > 0; hold, billed seconds and threshold >= 0");
        }
        this.showId = showId;
        this.userId = userId;
        this.ratePerMinute = ratePerMinute;
        this.graceSeconds = policy.graceSeconds();
        this.minBalanceToStay = policy.minBalanceToStay();
        this.rounding = policy.rounding();
        this.warnings = policy.warningSecondsLeft();
        this.extendBelowSeconds = extendBelowSeconds;
        this.startedAt = startedAt;
        this.heldCredits = heldCredits;
        this.spareCredits = spareCredits;
        this.billedSeconds = billedSeconds;
    }

    /** Bills the show up to {@code now}; billed seconds never go back, even if the clock does. */
    public synchronized MeterReading readAt(Instant now) {
        long elapsed = Math.max(0, Duration.between(startedAt, now).toSeconds());
        long billable = Math.max(0, elapsed - graceSeconds);
        long covered = coveredSeconds();
        billedSeconds = Math.max(billedSeconds, PrivateShow.billableSeconds(startedAt, now, graceSeconds, covered));
        long graceLeft = Math.max(0, graceSeconds - elapsed);
        long secondsLeft = secondsCoveredBy(heldCredits + spareCredits) - billedSeconds + graceLeft;
        return new MeterReading(
                showId,
                billedSeconds,
                creditsOwed(),
                secondsLeft,
                crossedWarning(secondsLeft),
                spareCredits > 0 && covered - billedSeconds <= extendBelowSeconds,
                billable >= covered);
    }

    /**
     * The seconds owed had the show stopped at {@code at}, which may precede the last reading: a stop or a
     * recovery settles as of the instant it began, whatever the tick read while it was under way.
     */
    public synchronized long billableAt(Instant at) {
        return PrivateShow.billableSeconds(startedAt, at, graceSeconds, coveredSeconds());
    }

    /** More credits were moved from the user's spare credits into the hold: the show can run longer. */
    public synchronized void holdMore(long credits, long spareAfter) {
        if (credits <= 0 || spareAfter < 0) {
            throw new IllegalArgumentException("a hold grows by a positive number of credits");
        }
        heldCredits = Math.addExact(heldCredits, credits);
        spareCredits = spareAfter;
        rearmWarnings();
    }

    /** The user's credits outside the hold changed (a top-up, a tip, another show). */
    public synchronized void spare(long credits) {
        spareCredits = Math.max(0, credits);
        rearmWarnings();
    }

    /** Billable seconds the held credits pay for, keeping the minimum balance to stay untouched. */
    public synchronized long coveredSeconds() {
        return secondsCoveredBy(heldCredits);
    }

    /**
     * The instant the held credits run out: the end of the last second they pay for. Unless more is held
     * by then, the show must end at this instant.
     */
    public synchronized Instant exhaustsAt() {
        return startedAt.plusSeconds(graceSeconds + coveredSeconds());
    }

    /** Credits for {@code seconds} of this show at its locked rate. */
    public long creditsFor(long seconds) {
        return rounding.creditsFor(seconds, ratePerMinute);
    }

    public synchronized long creditsOwed() {
        return rounding.creditsFor(billedSeconds, ratePerMinute);
    }

    public synchronized long billedSeconds() {
        return billedSeconds;
    }

    public synchronized long heldCredits() {
        return heldCredits;
    }

    public long showId() {
        return showId;
    }

    public long userId() {
        return userId;
    }

    public int ratePerMinute() {
        return ratePerMinute;
    }

    public synchronized long spareCredits() {
        return spareCredits;
    }

    /** Seconds that credits pay for, keeping the webmaster's minimum balance to stay untouched. */
    public long secondsCoveredBy(long credits) {
        return rounding.secondsCoveredBy(Math.max(0, credits - minBalanceToStay), ratePerMinute);
    }

    /** Announces each threshold once, the lowest one crossed when several are crossed at once. */
    private Integer crossedWarning(long secondsLeft) {
        Integer crossed = null;
        for (int threshold : warnings) {
            if (secondsLeft <= threshold && (lowestWarned == null || threshold < lowestWarned)) {
                crossed = threshold;
            }
        }
        if (crossed != null) {
            lowestWarned = crossed;
        }
        return crossed;
    }

    /** After a top-up, thresholds above the new time left count as passed; those below warn again. */
    private void rearmWarnings() {
        long secondsLeft = secondsCoveredBy(heldCredits + spareCredits) - billedSeconds;
        lowestWarned = warnings.stream()
                .filter(threshold -> threshold >= secondsLeft)
                .min(Integer::compare)
                .orElse(null);
    }
}
