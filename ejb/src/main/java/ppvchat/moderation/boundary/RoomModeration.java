package ppvchat.moderation.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Permission;
import ppvchat.accounts.entity.Role;
import ppvchat.chat.boundary.ChatLine;
import ppvchat.chat.control.RoomChats;
import ppvchat.ledger.control.Ledger;
import ppvchat.moderation.control.Ejections;
import ppvchat.moderation.entity.ModerationAction;
import ppvchat.photos.boundary.Photos;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.boundary.RoomEvent;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.rooms.control.Room;
import ppvchat.rooms.control.RoomEvents;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.Webmaster;

/**
 * Kick, ban, mute and message removal from inside a room, each recorded in the moderation trail and
 * enforced at once. The actor is staff (moderator, admin) present in the room, or the room's own performer,
 * and needs the webmaster's permission for it; only users and guests can be acted on.
 */
@Stateless
public class RoomModeration {

    public static final int MAX_REASON = 200;
    /** A year: longer bans are the console's business. */
    public static final long MAX_MINUTES = 525_600;

    @PersistenceContext
    EntityManager em;

    @Inject
    Webmasters webmasters;

    @Inject
    LiveRooms rooms;

    @Inject
    Ejections ejections;

    @Inject
    RoomChats chats;

    @Inject
    Ledger ledger;

    @Inject
    Photos photos;

    @Inject
    RoomEvents events;

    @Inject
    Clock clock;

    /** Out of the room now (a private show with them ends); they may come back. */
    public void kick(long webmasterId, long actorUserId, long performerId, long targetUserId, String reason) {
        Room room = actingIn(webmasterId, actorUserId, performerId, Permission.KICK);
        ChatUser target = targetOf(webmasterId, targetUserId, room);
        String why = reason(reason, "kicked by a moderator");
        em.persist(ModerationAction.kick(
                target, performerId, ModerationAction.Actor.user(actorUserId), why, clock.instant()));
        ejections.takeOut(room, target.id());
        events.publish(new RoomEvent.Kicked(webmasterId, performerId, targetUserId, why));
    }

    /** Banned from the whole site for {@code minutes}: out of every room at once, and no way back in. */
    public void ban(
            long webmasterId, long actorUserId, long performerId, long targetUserId, long minutes, String reason) {
        Room room = actingIn(webmasterId, actorUserId, performerId, Permission.BAN);
        ChatUser target = targetOf(webmasterId, targetUserId, room);
        String why = reason(reason, "banned by a moderator");
        Instant now = clock.instant();
        ChatUser locked = ledger.lockUser(webmasterId, target.id());
        ModerationAction ban =
                ModerationAction.ban(locked, duration(minutes), ModerationAction.Actor.user(actorUserId), why, now);
        em.persist(ban);
        ejections.takeOutEverywhere(webmasterId, locked.id());
        events.publish(new RoomEvent.Banned(webmasterId, performerId, targetUserId, ban.expiresAt(), why));
    }

    /** Silent in this room for {@code minutes}: their messages are refused, their typing goes nowhere. */
    public void mute(
            long webmasterId, long actorUserId, long performerId, long targetUserId, long minutes, String reason) {
        Room room = actingIn(webmasterId, actorUserId, performerId, Permission.KICK);
        ChatUser target = targetOf(webmasterId, targetUserId, room);
        String why = reason(reason, "muted by a moderator");
        ModerationAction mute = ModerationAction.mute(
                target, performerId, duration(minutes), ModerationAction.Actor.user(actorUserId), why, clock.instant());
        em.persist(mute);
        Instant until = mute.expiresAt();
        chats.mute(performerId, targetUserId, until);
        events.publish(new RoomEvent.Muted(webmasterId, performerId, targetUserId, until, why));
    }

    /** Takes a public message down for everyone in the room; a photo line takes its photo down too. */
    public void remove(long webmasterId, long actorUserId, long performerId, String lineId) {
        actingIn(webmasterId, actorUserId, performerId, Permission.KICK);
        ChatLine line = chats.history(performerId).stream()
                .filter(l -> l.id().equals(lineId))
                .findFirst()
                .orElseThrow(() -> new NotFound("that message is no longer in the room's chat"));
        ChatUser author = em.find(ChatUser.class, line.userId());
        String what;
        if (line.isPhoto()) {
            // The photo goes with its line: its bytes are dropped in this transaction, its URL answers 410.
            photos.remove(webmasterId, line.photo().id());
            what = "removed photo " + line.photo().id();
        } else {
            what = "removed: " + (line.text().length() > 100 ? line.text().substring(0, 100) + "…" : line.text());
        }
        em.persist(ModerationAction.removal(
                author, performerId, ModerationAction.Actor.user(actorUserId), what, clock.instant()));
        chats.remove(performerId, lineId);
        events.publish(new RoomEvent.ChatRemoved(webmasterId, performerId, lineId));
    }

    private Room actingIn(long webmasterId, long actorUserId, long performerId, Permission needed) {
        Webmaster site = webmasters.find(webmasterId);
        Room room = rooms.openRoom(performerId);
        if (room.webmasterId() != webmasterId) {
            throw new NotFound("no performer " + performerId);
        }
        ChatUser actor = em.find(ChatUser.class, actorUserId);
        if (actor == null || actor.webmasterId() != webmasterId) {
            throw new NotFound("no user " + actorUserId);
        }
        boolean staff = (actor.role() == Role.MODERATOR || actor.role() == Role.ADMIN) && room.isObserver(actorUserId);
        boolean owner = room.performerUserId() == actorUserId;
        if (!(staff || owner) || !site.permits(actor.role(), needed)) {
            throw new DomainException("you may not moderate this room");
        }
        return room;
    }

    private ChatUser targetOf(long webmasterId, long targetUserId, Room room) {
        ChatUser target = em.find(ChatUser.class, targetUserId);
        if (target == null || target.webmasterId() != webmasterId) {
            throw new NotFound("no user " + targetUserId);
        }
        if ((target.role() != Role.USER && target.role() != Role.GUEST) || room.performerUserId() == targetUserId) {
            throw new DomainException("only users and guests can be moderated from a room");
        }
        return target;
    }

    private static Duration duration(long minutes) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new DomainException("a ban or mute lasts 1 to " + MAX_MINUTES + " minutes");
        }
        return Duration.ofMinutes(minutes);
    }

    private static String reason(String reason, String otherwise) {
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.length() > MAX_REASON) {
            throw new DomainException("a reason has at most " + MAX_REASON + " characters");
        }
        return stripped.isEmpty() ? otherwise : stripped;
    }
}
