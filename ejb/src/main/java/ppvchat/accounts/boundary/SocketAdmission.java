package ppvchat.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import ppvchat.accounts.control.TokenHolders;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Forbidden;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.Webmaster;

/**
 * Decides whether a WebSocket handshake may become a session, before one exists: the page's origin must be
 * one the webmaster allows, the token must be ours, unexpired and for this webmaster, and the user must
 * exist and not be banned. The origin is checked first, so a foreign page learns nothing about tokens.
 */
@Stateless
public class SocketAdmission {

    @Inject
    Webmasters webmasters;

    @Inject
    TokenHolders holders;

    @Inject
    Clock clock;

    public Admitted admit(long webmasterId, String token, String origin) {
        requireOrigin(webmasterId, origin);
        ChatUser user = holders.userOf(webmasterId, token);
        if (user.isBannedAt(clock.instant())) {
            throw new Forbidden("you are banned until " + user.bannedUntil());
        }
        return new Admitted(webmasterId, user.id(), user.username(), user.role());
    }

    /** The wall may be watched without signing in; the origin is still checked. */
    public Admitted admitVisitor(long webmasterId, String origin) {
        requireOrigin(webmasterId, origin);
        return Admitted.visitor(webmasterId);
    }

    private void requireOrigin(long webmasterId, String origin) {
        Webmaster site = webmasters.find(webmasterId);
        if (!site.allowsOrigin(origin)) {
            throw new Forbidden(Webmaster.originRefusal(origin));
        }
    }
}
