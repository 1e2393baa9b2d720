package ppvchat.accounts.boundary;

import ppvchat.accounts.entity.Role;

/** Who a socket belongs to once its handshake passed: the role is the user's current one, not the token's. */
public record Admitted(long webmasterId, long userId, String username, Role role) {

    /** Someone looking at the wall without signing in. */
    public static Admitted visitor(long webmasterId) {
        return new Admitted(webmasterId, 0, "visitor", Role.GUEST);
    }

    public boolean signedIn() {
        return userId != 0;
    }
}
