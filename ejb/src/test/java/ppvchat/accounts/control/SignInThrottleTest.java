package ppvchat.accounts.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ppvchat.accounts.entity.TooManyAttempts;

class SignInThrottleTest {

    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    SignInThrottle throttle;

    @BeforeEach
    void setUp() {
        throttle = new SignInThrottle();
        at(NOW);
    }

    void at(Instant instant) {
        throttle.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void anAccountIsLockedAfterFiveFailuresUntilTheWindowEnds() {
        for (int i = 0; i < SignInThrottle.FAILURES_PER_ACCOUNT; i++) {
            assertDoesNotThrow(() -> throttle.requireSignInAllowed(1, "alice", "10.0.0." + 1));
            throttle.failed(1, "alice", "10.0.0." + i);
        }
        at(NOW.plusSeconds(60));
        TooManyAttempts locked =
                assertThrows(TooManyAttempts.class, () -> throttle.requireSignInAllowed(1, "Alice ", "10.9.9.9"));
        assertEquals(14 * 60, locked.retryAfterSeconds(), "from any address, whatever the case of the name");
        assertDoesNotThrow(() -> throttle.requireSignInAllowed(1, "bob", "10.9.9.9"), "other accounts go on");
        assertDoesNotThrow(() -> throttle.requireSignInAllowed(2, "alice", "10.9.9.9"), "and other sites");

        at(NOW.plus(SignInThrottle.WINDOW));
        assertDoesNotThrow(() -> throttle.requireSignInAllowed(1, "alice", "10.9.9.9"), "the window ended");
    }

    @Test
    void aSuccessClearsTheAccountsFailures() {
        for (int i = 0; i < SignInThrottle.FAILURES_PER_ACCOUNT - 1; i++) {
            throttle.failed(1, "alice", "10.0.0.1");
        }
        throttle.succeeded(1, "alice");
        throttle.failed(1, "alice", "10.0.0.1");
        assertDoesNotThrow(() -> throttle.requireSignInAllowed(1, "alice", "10.0.0.1"));
    }

    @Test
    void anAddressIsLockedAfterTwentyFailuresAcrossAccounts() {
        for (int i = 0; i < SignInThrottle.FAILURES_PER_ADDRESS; i++) {
            throttle.failed(1, "user" + i, "10.0.0.1");
        }
        assertThrows(TooManyAttempts.class, () -> throttle.requireSignInAllowed(1, "someone", "10.0.0.1"));
        assertDoesNotThrow(() -> throttle.requireSignInAllowed(1, "someone", "10.0.0.2"));
    }

    @Test
    void newGuestsAndRegistrationsAreLimitedPerAddress() {
        for (int i = 0; i < SignInThrottle.NEW_IDENTITIES_PER_ADDRESS; i++) {
            throttle.newIdentity("10.0.0.1");
        }
        assertThrows(TooManyAttempts.class, () -> throttle.newIdentity("10.0.0.1"));
        assertDoesNotThrow(() -> throttle.newIdentity("10.0.0.2"));
    }
}
