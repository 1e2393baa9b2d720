package ppvchat.paypaldouble;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** PayPal writes times as ISO-8601 instants to the second. */
final class Timestamps {

    private Timestamps() {}

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
