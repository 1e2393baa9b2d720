package ppvchat.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A webmaster's rules for metering private shows. Immutable: change it by replacing it. */
@Embeddable
public class BillingPolicy {

    @Min(0)
    @Column(name = "grace_seconds", nullable = false)
    private int graceSeconds;

    @Min(0)
    @Column(name = "min_balance_start", nullable = false)
    private long minBalanceToStart;

    @Min(0)
    @Column(name = "min_balance_stay", nullable = false)
    private long minBalanceToStay;

    /** Seconds of show time left at which the user is warned, e.g. {@code 60,30,10}. */
    @NotNull
    @Pattern(regexp = "\\d{1,5}(,\\d{1,5}){0,9}")
    @Column(name = "low_balance_warnings", nullable = false, length = 100)
    private String lowBalanceWarnings;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "rounding_rule", nullable = false, length = 10)
    private CreditRounding rounding;

    protected BillingPolicy() {}

    public BillingPolicy(
            int graceSeconds,
            long minBalanceToStart,
            long minBalanceToStay,
            List<Integer> warningSecondsLeft,
            CreditRounding rounding) {
        if (graceSeconds < 0 || minBalanceToStay < 0 || minBalanceToStart < minBalanceToStay) {
            throw new IllegalArgumentException(
                    "grace and balances must be >= 0, and the balance to start at least the balance to stay");
        }
        if (warningSecondsLeft.isEmpty() || warningSecondsLeft.stream().anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("warning thresholds must be positive seconds");
        }
        this.graceSeconds = graceSeconds;
        this.minBalanceToStart = minBalanceToStart;
        this.minBalanceToStay = minBalanceToStay;
        this.lowBalanceWarnings = String.join(
                ",",
                warningSecondsLeft.stream()
                        .distinct()
                        .sorted(Comparator.reverseOrder())
                        .map(String::valueOf)
                        .toList());
        this.rounding = Objects.requireNonNull(rounding);
    }

    public static BillingPolicy standard() {
        return new BillingPolicy(10, 60, 0, List.of(60, 30, 10), CreditRounding.UP);
    }

    public int graceSeconds() {
        return graceSeconds;
    }

    public long minBalanceToStart() {
        return minBalanceToStart;
    }

    public long minBalanceToStay() {
        return minBalanceToStay;
    }

    /** Thresholds in seconds of show time left, largest first. */
    public List<Integer> warningSecondsLeft() {
        return Arrays.stream(lowBalanceWarnings.split(","))
                .map(Integer::valueOf)
                .toList();
    }

    public CreditRounding rounding() {
        return rounding;
    }
}
