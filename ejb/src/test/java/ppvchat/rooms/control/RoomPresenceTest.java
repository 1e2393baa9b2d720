package ppvchat.rooms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ppvchat.platform.entity.DomainException;

class RoomPresenceTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(15);

    private final Room room = new Room(1, 10, 100);

    @Test
    void staffLookOnWithoutBeingWatchersAndStayWhenTheRoomGoesPrivate() {
        room.enter(7);
        room.enter(8);
        room.observe(50);
        assertEquals(List.of(7L, 8L), room.watchers());
        room.startPrivate(1, 7);
        assertEquals(List.of(7L), room.watchers(), "the others are out");
        assertTrue(room.isObserver(50));
        assertTrue(room.inShow(7) && room.inShow(100), "the payer and the performer");
        assertFalse(room.inShow(50) || room.inShow(8));
        assertThrows(DomainException.class, () -> room.enter(8));
    }

    @Test
    void whoeverDidNotComeBackWithinTheGraceLingersUntilTakenAndOnlyOutsideAShow() {
        room.enter(7);
        room.enter(8);
        room.disconnected(7, T0);
        room.disconnected(100, T0);
        assertEquals(List.of(), room.lingering(T0.plus(GRACE).minusMillis(1), GRACE));
        assertEquals(List.of(7L, 100L), sorted(room.lingering(T0.plus(GRACE), GRACE)));
        assertTrue(room.stillGone(7));
        assertFalse(room.stillGone(7), "taken once");
        assertEquals(List.of(100L), room.lingering(T0.plus(GRACE), GRACE));

        room.startPrivate(2, 8);
        room.disconnected(8, T0);
        assertEquals(
                List.of(), room.lingering(T0.plusSeconds(60), GRACE), "both sides of a show are the tick's to end");
        room.endPrivate(2);
        assertEquals(List.of(8L, 100L), sorted(room.lingering(T0.plusSeconds(60), GRACE)));
    }

    @Test
    void aReconnectBeforeTheDepartureIsTakenCancelsIt() {
        room.enter(7);
        room.disconnected(7, T0);
        assertEquals(List.of(7L), room.lingering(T0.plusSeconds(60), GRACE));
        room.reconnected(7);
        assertFalse(room.stillGone(7), "came back between the tick's look and its action");
    }

    private static List<Long> sorted(List<Long> ids) {
        return ids.stream().sorted().toList();
    }

    @Test
    void comingBackInTimeIsNotLingering() {
        room.enter(7);
        room.disconnected(7, T0);
        room.reconnected(7);
        assertEquals(List.of(), room.lingering(T0.plusSeconds(60), GRACE));
    }
}
