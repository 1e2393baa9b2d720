package ppvchat.chat.boundary;

import java.time.Instant;
import ppvchat.accounts.entity.Role;

/**
 * One chat message as the room sees it, after masking. {@code showId} is set when it was said inside a
 * private show, and then only its two sides ever receive it. A shared photo is a line with empty text and
 * its {@code photo}; other lines have none.
 */
public record ChatLine(
        String id, long userId, String username, Role role, String text, Instant at, Long showId, Photo photo) {

    /** The stored photo a line shows: its id names it in the photo's URL. */
    public record Photo(String id, int width, int height) {}

    public boolean isPrivate() {
        return showId != null;
    }

    public boolean isPhoto() {
        return photo != null;
    }
}
