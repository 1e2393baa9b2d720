package ppvchat.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import ppvchat.chat.boundary.ChatLine;
import ppvchat.rooms.boundary.RoomEvent;

/**
 * What each room's public chat remembers in memory: the last {@value #HISTORY} lines, for those who join
 * later, and who is muted until when. Private show chat is never kept. Keyed by performer id.
 */
@ApplicationScoped
public class RoomChats {

    public static final int HISTORY = 50;

    private final ConcurrentMap<Long, RoomChat> chats = new ConcurrentHashMap<>();

    public void remember(long performerId, ChatLine line) {
        chat(performerId).remember(line);
    }

    public List<ChatLine> history(long performerId) {
        RoomChat chat = chats.get(performerId);
        return chat == null ? List.of() : chat.history();
    }

    /** Takes a line out of the history; empty when the room does not have it (any more). */
    public Optional<ChatLine> remove(long performerId, String lineId) {
        RoomChat chat = chats.get(performerId);
        return chat == null ? Optional.empty() : chat.remove(lineId);
    }

    public void mute(long performerId, long userId, Instant until) {
        chat(performerId).mute(userId, until);
    }

    public Optional<Instant> mutedUntil(long performerId, long userId, Instant now) {
        RoomChat chat = chats.get(performerId);
        return chat == null ? Optional.empty() : chat.mutedUntil(userId, now);
    }

    /** The room closed: its chat starts afresh next time. */
    void forget(@Observes RoomEvent.PerformerOffline offline) {
        chats.remove(offline.performerId());
    }

    private RoomChat chat(long performerId) {
        return chats.computeIfAbsent(performerId, id -> new RoomChat());
    }

    private static final class RoomChat {

        private final Deque<ChatLine> lines = new ArrayDeque<>();
        private final Map<Long, Instant> mutes = new HashMap<>();

        synchronized void remember(ChatLine line) {
            if (lines.size() == HISTORY) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }

        synchronized List<ChatLine> history() {
            return List.copyOf(lines);
        }

        synchronized Optional<ChatLine> remove(String lineId) {
            Optional<ChatLine> line =
                    lines.stream().filter(l -> l.id().equals(lineId)).findFirst();
            line.ifPresent(lines::remove);
            return line;
        }

        synchronized void mute(long userId, Instant until) {
            mutes.put(userId, until);
        }

        synchronized Optional<Instant> mutedUntil(long userId, Instant now) {
            Instant until = mutes.get(userId);
            if (until != null && !until.isAfter(now)) {
                mutes.remove(userId);
                return Optional.empty();
            }
            return Optional.ofNullable(until);
        }
    }
}
