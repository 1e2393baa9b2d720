package ppvchat.paypaldouble;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The body of every transmission the double really signed and sent, by transmission id: the
 * verify endpoint answers SUCCESS only for these. Recorded before the POST leaves, since a
 * receiver verifies while the double still waits for its answer.
 */
final class Transmissions {

    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    void sent(String transmissionId, String body) {
        bodies.put(transmissionId, body);
    }

    Optional<String> body(String transmissionId) {
        return Optional.ofNullable(bodies.get(transmissionId));
    }
}
