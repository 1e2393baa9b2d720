package ppvchat.tenancy.entity;

import java.math.BigInteger;

/**
 * How billed seconds at a rate in credits per minute become whole credits. The amount owed for a show is
 * always computed from its total billed seconds ({@code credits = round(seconds × rate / 60)}), never by
 * adding rounded per-second amounts, so that charged credits equal billed seconds × locked rate under
 * exactly one rounding.
 */
public enum CreditRounding {
    /** Any started fraction of a credit is charged (the seed product's behaviour). */
    UP,
    /** Fractions of a credit are given to the user. */
    DOWN,
    /** Half a credit or more is charged. */
    HALF_UP;

    private static final BigInteger SIXTY = BigInteger.valueOf(60);

    public long creditsFor(long billedSeconds, int ratePerMinute) {
        if (billedSeconds < 0 || ratePerMinute <= 0) {
            throw new IllegalArgumentException("seconds must be >= 0 and rate > 0");
        }
        BigInteger creditSixtieths = BigInteger.valueOf(billedSeconds).multiply(BigInteger.valueOf(ratePerMinute));
        BigInteger[] division = creditSixtieths.divideAndRemainder(SIXTY);
        long whole = division[0].longValueExact();
        int remainder = division[1].intValue();
        return switch (this) {
            case UP -> remainder > 0 ? whole + 1 : whole;
            case DOWN -> whole;
            case HALF_UP -> remainder >= 30 ? whole + 1 : whole;
        };
    }
}
