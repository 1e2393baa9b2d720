package ppvchat.console.moderation;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.moderation.boundary.ConsoleModeration;
import ppvchat.platform.entity.DomainException;

/**
 * What a ban form holds on the Live and Users pages: how long (minutes, or permanent) and why. The boundary
 * judges it; this only carries it and says the outcome in words.
 */
public class BanForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A day, the length a form starts with. */
    public static final long DEFAULT_MINUTES = 1_440;

    private Long minutes = DEFAULT_MINUTES;
    private boolean permanent;
    private String reason;

    /** Bans the user as the form says; returns what to tell the person who sent it. */
    public String ban(ConsoleModeration moderation, long webmasterId, String account, long userId, String who) {
        Instant until;
        if (permanent) {
            until = moderation.banPermanently(webmasterId, account, userId, reason);
        } else if (minutes == null) {
            throw new DomainException("give the ban's length in minutes, or make it permanent");
        } else {
            until = moderation.ban(webmasterId, account, userId, minutes, reason);
        }
        clear();
        return who + " is banned " + until(until) + ".";
    }

    /** "until 2026-11-27 10:15 UTC", or "permanently". */
    public static String until(Instant until) {
        return until == null || !until.isBefore(ChatUser.PERMANENTLY) ? "permanently" : "until " + when(until);
    }

    /** An instant as the console shows it: to the minute, in UTC. */
    public static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    public void clear() {
        minutes = DEFAULT_MINUTES;
        permanent = false;
        reason = null;
    }

    public Long getMinutes() {
        return minutes;
    }

    public void setMinutes(Long minutes) {
        this.minutes = minutes;
    }

    public boolean isPermanent() {
        return permanent;
    }

    public void setPermanent(boolean permanent) {
        this.permanent = permanent;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
