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
    private static final BigInteger THIRTY_ONE = BigInteger.valueOf(31);

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

    /**
     * The most seconds that cost at most {@code credits} at the rate: the inverse of {@link #creditsFor},
     * so that a hold of credits is never exceeded by the seconds it lets a show run.
     */
    public long secondsCoveredBy(long credits, int ratePerMinute) {
        if (credits < 0 || ratePerMinute <= 0) {
            throw new IllegalArgumentException("credits must be >= 0 and rate > 0");
        }
        BigInteger rate = BigInteger.valueOf(ratePerMinute);
        BigInteger sixtieths = BigInteger.valueOf(credits).multiply(SIXTY);
        BigInteger nextSixtieths =
                BigInteger.valueOf(credits).add(BigInteger.ONE).multiply(SIXTY);
        BigInteger limit =
                switch (this) {
                        // ceil(s·r/60) <= c  <=>  s·r <= 60c
                    case UP -> sixtieths;
                        // floor(s·r/60) <= c  <=>  s·r <= 60(c+1) - 1
                    case DOWN -> nextSixtieths.subtract(BigInteger.ONE);
                        // floor((s·r+30)/60) <= c  <=>  s·r <= 60(c+1) - 31
                    case HALF_UP -> nextSixtieths.subtract(THIRTY_ONE);
                };
        return limit.signum() < 0
                ? 0
                : limit.divide(rate).min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    }
}
