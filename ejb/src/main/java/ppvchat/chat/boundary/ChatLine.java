package ppvchat.chat.boundary;

import java.time.Instant;
import ppvchat.accounts.entity.Role;

/**
 * One chat message as the room sees it, after masking. {@code showId} is set when it was said inside a
 * private show, and then only its two sides ever receive it.
 */
public record ChatLine(String id, long userId, String username, Role role, String text, Instant at, Long showId) {

    public boolean isPrivate() {
        return showId != null;
    }
}
