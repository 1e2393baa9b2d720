package ppvchat.accounts.boundary;

import java.time.Instant;
import ppvchat.accounts.control.ChatToken;
import ppvchat.accounts.entity.ChatUser;

/** The answer to signing in: the token to present on every socket handshake, and who it names. */
public record SignedIn(String token, Instant expiresAt, long webmasterId, long userId, String username, String role) {

    static SignedIn of(ChatUser user, ChatToken token) {
        return new SignedIn(
                token.value(),
                token.expiresAt(),
                user.webmasterId(),
                user.id(),
                user.username(),
                user.role().name());
    }
}
