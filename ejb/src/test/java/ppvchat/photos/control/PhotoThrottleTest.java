package ppvchat.photos.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ppvchat.accounts.entity.TooManyAttempts;

class PhotoThrottleTest {

    @Test
    void aUserMaySendABurstThenWaitsAndOthersAreNotHeldUp() {
        PhotoThrottle throttle = new PhotoThrottle();
        for (int i = 0; i < PhotoThrottle.BURST; i++) {
            assertDoesNotThrow(() -> throttle.take(1, 7));
        }
        TooManyAttempts refused = assertThrows(TooManyAttempts.class, () -> throttle.take(1, 7));
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= PhotoThrottle.SECONDS_PER_PHOTO);
        assertTrue(refused.getMessage().startsWith("too many photos"), refused.getMessage());

        assertDoesNotThrow(() -> throttle.take(1, 8), "another user");
        assertDoesNotThrow(() -> throttle.take(2, 7), "the same id on another site");
    }
}
