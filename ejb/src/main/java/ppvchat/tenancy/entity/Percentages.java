package ppvchat.tenancy.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Earning percentages: 0 to 100 with at most two decimals. */
public final class Percentages {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Percentages() {}

    public static BigDecimal validated(BigDecimal percentage) {
        if (percentage == null || percentage.signum() < 0 || percentage.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("a percentage is between 0 and 100");
        }
        if (percentage.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("a percentage has at most two decimals");
        }
        return percentage.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The share of a money amount, rounded half-up to the amount's scale (cents). */
    public static BigDecimal shareOf(BigDecimal amount, BigDecimal percentage) {
        return amount.multiply(percentage).divide(HUNDRED, amount.scale(), RoundingMode.HALF_UP);
    }
}
