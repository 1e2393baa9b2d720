package ppvchat.chat.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import ppvchat.accounts.entity.ChatUser;
import ppvchat.accounts.entity.Permission;
import ppvchat.chat.control.RoomChats;
import ppvchat.chat.control.WordFilter;
import ppvchat.moderation.entity.TypingPreviewAudit;
import ppvchat.platform.entity.DomainException;
import ppvchat.platform.entity.NotFound;
import ppvchat.rooms.boundary.RoomEvent;
import ppvchat.rooms.control.LiveRooms;
import ppvchat.rooms.control.Room;
import ppvchat.rooms.control.RoomEvents;
import ppvchat.tenancy.boundary.Webmasters;
import ppvchat.tenancy.entity.Webmaster;

/**
 * Talking in a room: public chat (free, for roles with the public-chat permission), chat between the two
 * sides of a private show, photos shared as lines of their own, and typing previews for staff allowed to watch
 * them. Text is masked with the webmaster's word list before it is kept or sent, and is plain text: clients
 * never render it as HTML.
 */
@Stateless
public class Chat {

    public static final int MAX_TEXT = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Webmasters webmasters;

    @Inject
    LiveRooms rooms;

    @Inject
    RoomChats chats;

    @Inject
    WordFilter words;

    @Inject
    RoomEvents events;

    @Inject
    Clock clock;

    /** Says {@code text} in the performer's room; inside a private show only its two sides hear it. */
    public ChatLine say(long webmasterId, long userId, long performerId, String text) {
        Speaker speaker = speaker(webmasterId, userId, performerId);
        String masked = words.mask(clean(text), speaker.site().badWords());
        return post(speaker, masked, null);
    }

    /**
     * Shares a stored photo in the performer's room as a line of its own, under the same rules as
     * {@link #say}: inside a private show only its two sides see it, and it is not kept in the history.
     */
    public ChatLine share(long webmasterId, long userId, long performerId, ChatLine.Photo photo) {
        return post(speaker(webmasterId, userId, performerId), "", Objects.requireNonNull(photo));
    }

    /** Refuses, as {@link #say} would, someone who may not post in the room now; posts nothing. */
    public void requireMayPost(long webmasterId, long userId, long performerId) {
        requireMayPostNow(speaker(webmasterId, userId, performerId));
    }

    /** What someone is typing; it reaches only those who started watching previews in this room. */
    public void typing(long webmasterId, long userId, long performerId, String text) {
        Webmaster site = webmasters.find(webmasterId);
        Room room = roomOf(webmasterId, performerId);
        ChatUser user = present(room, userId);
        String preview = text == null ? "" : text.strip();
        if (preview.length() > MAX_TEXT) {
            throw new DomainException("a message has at most " + MAX_TEXT + " characters");
        }
        // Nothing to preview from the muted, from those who may not talk in public, or inside a private show.
        if (chats.mutedUntil(performerId, userId, clock.instant()).isPresent()
                || !site.permits(user.role(), Permission.PUBLIC_CHAT)
                || room.isBusy()) {
            return;
        }
        events.publish(new RoomEvent.TypingPreview(
                webmasterId, performerId, userId, user.username(), words.mask(preview, site.badWords())));
    }

    /**
     * Someone present in the room starts watching what others type. Only roles the webmaster granted live
     * typing (never users or guests); every start is recorded for the typing-preview audit.
     */
    public void watchTyping(long webmasterId, long viewerUserId, long performerId) {
        Webmaster site = webmasters.find(webmasterId);
        Room room = roomOf(webmasterId, performerId);
        ChatUser viewer = present(room, viewerUserId);
        boolean ownRoomOrStaff = room.performerUserId() == viewerUserId || room.isObserver(viewerUserId);
        if (!ownRoomOrStaff
                || !viewer.role().mayEverSeeLiveTyping()
                || !site.permits(viewer.role(), Permission.LIVE_TYPING)) {
            throw new DomainException("your role may not watch live typing");
        }
        em.persist(new TypingPreviewAudit(viewer, performerId, clock.instant()));
    }

    /** Who is about to post where: present in the room, not banned, not muted. */
    private record Speaker(Webmaster site, Room room, ChatUser user, Instant now) {}

    private Speaker speaker(long webmasterId, long userId, long performerId) {
        Webmaster site = webmasters.find(webmasterId);
        Room room = roomOf(webmasterId, performerId);
        ChatUser user = present(room, userId);
        Instant now = clock.instant();
        requireMayTalk(user, performerId, now);
        return new Speaker(site, room, user, now);
    }

    /** The running private show the line belongs to, if any; refuses who may not post now. */
    private Room.Running requireMayPostNow(Speaker speaker) {
        Room room = speaker.room();
        Room.Running show = room.running().orElse(null);
        if (show != null) {
            if (!room.inShow(speaker.user().id())) {
                throw new DomainException("the room is in a private show: only its two sides can talk");
            }
        } else if (!speaker.site().permits(speaker.user().role(), Permission.PUBLIC_CHAT)) {
            throw new DomainException("your role may not chat in public on this site: sign in or register");
        }
        return show;
    }

    private ChatLine post(Speaker speaker, String text, ChatLine.Photo photo) {
        Room.Running show = requireMayPostNow(speaker);
        Room room = speaker.room();
        ChatUser user = speaker.user();
        ChatLine line = new ChatLine(
                id(),
                user.id(),
                user.username(),
                user.role(),
                text,
                speaker.now(),
                show == null ? null : show.showId(),
                photo);
        if (show != null) {
            events.publish(new RoomEvent.ChatPosted(
                    room.webmasterId(), room.performerId(), line, Set.of(show.userId(), room.performerUserId())));
            return line;
        }
        chats.remember(room.performerId(), line);
        events.publish(new RoomEvent.ChatPosted(room.webmasterId(), room.performerId(), line, Set.of()));
        return line;
    }

    private void requireMayTalk(ChatUser user, long performerId, Instant now) {
        if (user.isBannedAt(now)) {
            throw new DomainException("you are banned until " + user.bannedUntil());
        }
        chats.mutedUntil(performerId, user.id(), now).ifPresent(until -> {
            throw new DomainException("you are muted in this room until " + until);
        });
    }

    private ChatUser present(Room room, long userId) {
        if (room.performerUserId() != userId && !room.isWatcher(userId) && !room.isObserver(userId)) {
            throw new DomainException("join the room first");
        }
        ChatUser user = em.find(ChatUser.class, userId);
        if (user == null || user.webmasterId() != room.webmasterId()) {
            throw new NotFound("no user " + userId);
        }
        return user;
    }

    private Room roomOf(long webmasterId, long performerId) {
        Room room = rooms.openRoom(performerId);
        if (room.webmasterId() != webmasterId) {
            throw new NotFound("no performer " + performerId);
        }
        return room;
    }

    private static String clean(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new DomainException("a message needs some text");
        }
        if (stripped.length() > MAX_TEXT) {
            throw new DomainException("a message has at most " + MAX_TEXT + " characters");
        }
        if (stripped.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new DomainException("a message may not hold control characters");
        }
        return stripped;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
